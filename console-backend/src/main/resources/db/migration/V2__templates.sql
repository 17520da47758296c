-- User templates. The document is kept as uploaded or saved (format 'pmx' or 'compose'), so that a download in its
-- own format gives back what the user wrote; name, description and keywords are copies for listing and search.
CREATE TABLE templates (
    id           BIGINT AUTO_INCREMENT PRIMARY KEY,
    name         VARCHAR(200)  NOT NULL,
    description  VARCHAR(4000),
    keywords     VARCHAR(4000) NOT NULL DEFAULT '',
    format       VARCHAR(10)   NOT NULL,
    content      CLOB          NOT NULL,
    created_at   TIMESTAMP WITH TIME ZONE NOT NULL
);
