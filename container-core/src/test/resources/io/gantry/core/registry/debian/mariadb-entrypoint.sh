#!/bin/bash
# Entrypoint of Gantry's Debian-built mariadb test image. It honours the official mariadb image's variables:
# MARIADB_ROOT_PASSWORD, MARIADB_ALLOW_EMPTY_ROOT_PASSWORD, MARIADB_RANDOM_ROOT_PASSWORD, MARIADB_ROOT_HOST,
# MARIADB_DATABASE, MARIADB_USER, MARIADB_PASSWORD (each also as MYSQL_*). The data directory is initialised on the
# first start only (an empty /var/lib/mysql volume); later starts use what is there. The server runs in the
# foreground as the mysql user, listening on 3306 on all addresses.
set -euo pipefail

DATADIR=/var/lib/mysql
SOCKET=/run/mysqld/mysqld.sock

log() { echo "$(date -u '+%Y-%m-%d %H:%M:%S') [Entrypoint]: $*" >&2; }

# MARIADB_X, else MYSQL_X, else the default.
env_of() {
	local mariadb="MARIADB_$1" mysql="MYSQL_$1"
	if [ -n "${!mariadb:-}" ]; then printf '%s' "${!mariadb}"; else printf '%s' "${!mysql:-${2:-}}"; fi
}

# SQL string literal: backslashes and quotes escaped.
sql_string() { local v=${1//\\/\\\\}; v=${v//\'/\\\'}; printf "'%s'" "$v"; }
sql_name() { local v=${1//\`/\`\`}; printf '`%s`' "$v"; }

prepare_dirs() {
	mkdir -p "$DATADIR" /run/mysqld
	chown mysql:mysql /run/mysqld
	find "$DATADIR" \! -user mysql -exec chown mysql:mysql '{}' +
}

initialise() {
	local root_password database user password root_host
	root_password=$(env_of ROOT_PASSWORD)
	root_host=$(env_of ROOT_HOST '%')
	database=$(env_of DATABASE)
	user=$(env_of USER)
	password=$(env_of PASSWORD)
	if [ -z "$root_password" ] && [ -z "$(env_of ALLOW_EMPTY_ROOT_PASSWORD)" ] && [ -z "$(env_of RANDOM_ROOT_PASSWORD)" ]; then
		log "ERROR: the database is uninitialised and no root password option is set."
		log "  Set one of MARIADB_ROOT_PASSWORD, MARIADB_ALLOW_EMPTY_ROOT_PASSWORD or MARIADB_RANDOM_ROOT_PASSWORD."
		exit 1
	fi
	if [ -z "$root_password" ] && [ -n "$(env_of RANDOM_ROOT_PASSWORD)" ]; then
		root_password=$(head -c 24 /dev/urandom | base64 | tr -d '/+=' | head -c 24)
		log "GENERATED ROOT PASSWORD: $root_password"
	fi
	if [ "$user" = root ]; then
		log "ERROR: MARIADB_USER=root; the root account is set up with MARIADB_ROOT_PASSWORD."
		exit 1
	fi

	log "Initialising the database in $DATADIR"
	mariadb-install-db --user=mysql --datadir="$DATADIR" --skip-test-db --auth-root-authentication-method=normal \
		--skip-name-resolve --rpm >/dev/null

	log "Starting a temporary server (no network) for the initial accounts"
	setpriv --reuid=mysql --regid=mysql --init-groups mariadbd --skip-networking --socket="$SOCKET" --datadir="$DATADIR" \
		--skip-log-bin >/dev/null 2>&1 &
	local pid=$! i
	for i in $(seq 1 300); do
		mariadb-admin --socket="$SOCKET" -uroot ping >/dev/null 2>&1 && break
		kill -0 "$pid" 2>/dev/null || { log "ERROR: the temporary server exited"; exit 1; }
		sleep 0.2
	done

	{
		echo "SET @@SESSION.SQL_LOG_BIN=0;"
		# mariadb-install-db also made root@127.0.0.1, root@::1 and root@<container name>: one root account is enough
		echo "DROP USER IF EXISTS 'root'@'127.0.0.1', 'root'@'::1';"
		echo "EXECUTE IMMEDIATE CONCAT('DROP USER IF EXISTS root@\\'', @@hostname, '\\'');"
		echo "ALTER USER 'root'@'localhost' IDENTIFIED BY $(sql_string "$root_password");"
		if [ "$root_host" != localhost ]; then
			echo "CREATE USER 'root'@$(sql_string "$root_host") IDENTIFIED BY $(sql_string "$root_password");"
			echo "GRANT ALL ON *.* TO 'root'@$(sql_string "$root_host") WITH GRANT OPTION;"
		fi
		if [ -n "$database" ]; then
			echo "CREATE DATABASE IF NOT EXISTS $(sql_name "$database");"
		fi
		if [ -n "$user" ] && [ -n "$password" ]; then
			echo "CREATE USER $(sql_string "$user")@'%' IDENTIFIED BY $(sql_string "$password");"
			if [ -n "$database" ]; then
				echo "GRANT ALL ON $(sql_name "${database//_/\\_}").* TO $(sql_string "$user")@'%';"
			fi
		fi
		echo "FLUSH PRIVILEGES;"
	} | mariadb --protocol=socket --socket="$SOCKET" -uroot

	log "Stopping the temporary server"
	kill "$pid"
	wait "$pid" || true
	log "Database initialised"
}

if [ "${1:-}" = mariadbd ] || [ "${1:-}" = mysqld ]; then
	prepare_dirs
	if [ ! -d "$DATADIR/mysql" ]; then
		initialise
	fi
	shift
	log "Starting MariaDB on port 3306"
	exec setpriv --reuid=mysql --regid=mysql --init-groups mariadbd --datadir="$DATADIR" --socket="$SOCKET" "$@"
fi
exec "$@"
