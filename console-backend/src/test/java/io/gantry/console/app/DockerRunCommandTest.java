package io.gantry.console.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.gantry.console.template.Protocol;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The service editor's {@code docker run} preview, from the settings a deployment gives the container. */
class DockerRunCommandTest {

    @Test
    void a_linked_web_service_reads_as_the_docker_run_that_would_create_it_with_secrets_masked() {
        AppService web = AppService.builder("web", "wordpress:6").link("db", "mysql").port(ServicePort.of(8080, 80))
                .port(new ServicePort("127.0.0.1", null, 53, Protocol.UDP))
                .env("WORDPRESS_DB_HOST", "mysql").env("WORDPRESS_DB_PASSWORD", "s3cret")
                .volume("uploads", "/var/www/html").restart(RestartPolicy.parse("on-failure:3"))
                .limits(new Limits("512m", "1.5")).command(List.of("apache2-foreground", "-D", "two words")).build();
        ContainerSettings settings = DeployPlan.of(DeployPlanTest.APP, List.of(web, DeployPlanTest.db()))
                .container("web").orElseThrow();

        String command = DockerRunCommand.of(settings);

        assertThat(command).isEqualTo("docker run -d --name my-blog-web --network my-blog_default"
                + " -p 8080:80 -p 127.0.0.1::53/udp -e WORDPRESS_DB_HOST=mysql -e 'WORDPRESS_DB_PASSWORD=••••••••'"
                + " -v my-blog_uploads:/var/www/html --restart on-failure:3 --memory 536870912 --cpus 1.5"
                + " wordpress:6 apache2-foreground -D 'two words'");
        assertThat(command).doesNotContain("s3cret");
    }

    @Test
    void the_alias_others_link_to_a_service_by_is_a_network_alias() {
        ContainerSettings db = DeployPlan.of(DeployPlanTest.APP, List.of(DeployPlanTest.web(), DeployPlanTest.db()))
                .container("db").orElseThrow();

        assertThat(DockerRunCommand.of(db)).startsWith("docker run -d --name my-blog-db --network my-blog_default"
                + " --network-alias mysql -e MYSQL_DATABASE=wp -v ").endsWith(" mariadb:11");
    }
}
