#!/bin/bash
# Entrypoint of Gantry's Debian-built wordpress test image. Like the official wordpress image it fills an empty
# /var/www/html with WordPress on the first start, writes a wp-config.php that reads the official variables
# (WORDPRESS_DB_HOST as host[:port], WORDPRESS_DB_USER, WORDPRESS_DB_PASSWORD, WORDPRESS_DB_NAME,
# WORDPRESS_TABLE_PREFIX, WORDPRESS_CONFIG_EXTRA) at every request, and serves it with Apache in the foreground.
# Unlike it, it waits until the database accepts connections before Apache starts, and WordPress never makes HTTP
# requests to other hosts (WP_HTTP_BLOCK_EXTERNAL).
set -euo pipefail

HTML=/var/www/html

log() { echo "$(date -u '+%Y-%m-%d %H:%M:%S') [Entrypoint]: $*" >&2; }

populate() {
	if [ -e "$HTML/index.php" ] || [ -e "$HTML/wp-includes/version.php" ]; then
		return
	fi
	log "WordPress not found in $HTML - copying it there now..."
	if [ -n "$(ls -A "$HTML" 2>/dev/null)" ]; then
		log "WARNING: $HTML is not empty; files there may be overwritten"
	fi
	# Debian's tree links to shared copies of libraries elsewhere in the image: the links are kept as they are.
	tar -C /usr/share/wordpress --exclude=./wp-config.php -cf - . | tar -C "$HTML" -xf -
	rm -f "$HTML/.htaccess"
	cp /usr/share/gantry/htaccess "$HTML/.htaccess"
	cp /usr/share/gantry/wp-config-docker.php "$HTML/wp-config.php"
	# Unique keys and salts, as wp-config.php would get from the WordPress secret key service, but made here.
	local name
	for name in AUTH_KEY SECURE_AUTH_KEY LOGGED_IN_KEY NONCE_KEY AUTH_SALT SECURE_AUTH_SALT LOGGED_IN_SALT NONCE_SALT; do
		sed -i "s/'$name', *'put your unique phrase here'/'$name', '$(head -c 48 /dev/urandom | base64 | tr -d '\n/+=')'/" \
			"$HTML/wp-config.php"
	done
	mkdir -p "$HTML/wp-content/uploads"
	chown -R www-data:www-data "$HTML"
	log "Complete! WordPress has been copied to $HTML"
}

# host[:port] of WORDPRESS_DB_HOST, polled with mariadb-admin until it answers (at most WORDPRESS_DB_WAIT seconds).
wait_for_database() {
	local address=${WORDPRESS_DB_HOST:-mysql} host port deadline
	host=${address%%:*}
	port=3306
	[ "$address" != "$host" ] && port=${address#*:}
	deadline=$((SECONDS + ${WORDPRESS_DB_WAIT:-300}))
	log "Waiting for the database at $host:$port"
	until mariadb-admin --connect-timeout=2 --protocol=tcp -h "$host" -P "$port" -u "${WORDPRESS_DB_USER:-root}" \
			--password="${WORDPRESS_DB_PASSWORD:-}" ping >/dev/null 2>&1; do
		if [ $SECONDS -ge $deadline ]; then
			log "WARNING: the database at $host:$port did not answer; starting Apache anyway"
			return
		fi
		sleep 1
	done
	log "The database at $host:$port answers"
}

if [ "${1:-}" = apache2-foreground ]; then
	populate
	wait_for_database
	set +u # Debian's envvars reads variables it may not find set
	. /etc/apache2/envvars
	set -u
	mkdir -p -m 1777 /run/lock # /var/lock points there, and the image's /run starts empty
	mkdir -p "$APACHE_RUN_DIR" "$APACHE_LOCK_DIR" "$APACHE_LOG_DIR"
	rm -f "$APACHE_PID_FILE"
	log "Starting Apache on port 80"
	exec apache2 -DFOREGROUND
fi
exec "$@"
