-- Applications: services deployed together on one engine. The slug prefixes every container, network and volume the
-- console creates for the application; it is fixed at creation (a rename changes only the name) and unique.
CREATE TABLE applications (
    id           BIGINT AUTO_INCREMENT PRIMARY KEY,
    name         VARCHAR(200)  NOT NULL,
    slug         VARCHAR(40)   NOT NULL UNIQUE,
    template_id  VARCHAR(200),
    engine       VARCHAR(1000) NOT NULL,
    created_at   TIMESTAMP WITH TIME ZONE NOT NULL
);

-- One row per service, in the application's order: its settings as JSON text (parameters applied) and the container
-- it runs as (NULL when none was created or it was removed).
CREATE TABLE app_services (
    application_id  BIGINT       NOT NULL REFERENCES applications (id) ON DELETE CASCADE,
    name            VARCHAR(64)  NOT NULL,
    position        INT          NOT NULL,
    settings        CLOB         NOT NULL,
    container_id    VARCHAR(128),
    PRIMARY KEY (application_id, name)
);
