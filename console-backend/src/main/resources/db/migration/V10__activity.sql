-- Who did what and when: actions of users (through the UI or the REST API) and the engine's own events.
CREATE TABLE activity (
    id       BIGINT AUTO_INCREMENT PRIMARY KEY,
    at       TIMESTAMP WITH TIME ZONE NOT NULL,
    actor    VARCHAR(64)   NOT NULL,
    source   VARCHAR(8)    NOT NULL,
    action   VARCHAR(64)   NOT NULL,
    target   VARCHAR(255)  NOT NULL,
    outcome  VARCHAR(8)    NOT NULL,
    detail   VARCHAR(1000) NOT NULL
);
CREATE INDEX activity_at ON activity (at);
