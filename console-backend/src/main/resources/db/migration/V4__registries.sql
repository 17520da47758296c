-- Registries the console knows besides Docker Hub: searched (when enabled) and given credentials on pulls. The
-- password is never stored in clear: password_sealed is AES-GCM under the key file in the data root
-- (see CredentialCipher), bound to the registry's address so that it cannot be moved to another row.
CREATE TABLE registries (
    id               BIGINT AUTO_INCREMENT PRIMARY KEY,
    name             VARCHAR(100)  NOT NULL UNIQUE,
    url              VARCHAR(500)  NOT NULL UNIQUE,
    enabled          BOOLEAN       NOT NULL,
    username         VARCHAR(200),
    password_sealed  VARCHAR(2000)
);
