package io.gantry.console.terminal.ui;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.socket.config.annotation.EnableWebSocket;
import org.springframework.web.socket.config.annotation.WebSocketConfigurer;
import org.springframework.web.socket.config.annotation.WebSocketHandlerRegistry;

/** Serves the terminal socket; only pages of the console's own origin may open it (Spring's default). */
@Configuration(proxyBeanMethods = false)
@EnableWebSocket
class TerminalSocketConfiguration implements WebSocketConfigurer {

    private final TerminalSocket socket;

    TerminalSocketConfiguration(TerminalSocket socket) {
        this.socket = socket;
    }

    @Override
    public void registerWebSocketHandlers(WebSocketHandlerRegistry registry) {
        registry.addHandler(socket, TerminalSocket.PATH + "*");
    }
}
