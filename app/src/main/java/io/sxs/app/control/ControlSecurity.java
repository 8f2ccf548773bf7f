package io.sxs.app.control;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.MediaType;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Who may call what on the app's one port: the control API, the actuator (but health) and the OpenAPI description
 * need the operator's bearer token; webhooks authenticate by their own signatures and secret paths; the status page's
 * static files are public (the page asks for the token and calls the API with it); the Xero OAuth callback is
 * authenticated by its one-time state. A refused call gets 401 and one log line that names the request, never the
 * token.
 */
@Configuration
public class ControlSecurity {

    private static final Logger log = LoggerFactory.getLogger(ControlSecurity.class);

    @Bean
    SecurityFilterChain controlFilterChain(HttpSecurity http, OperatorToken token, io.sxs.app.config.ProcessRoles roles)
            throws Exception {
        if (!roles.has(io.sxs.app.config.Role.CONTROL)) {
            http.addFilterBefore(new NoControlHere(roles), org.springframework.security.web.context.SecurityContextHolderFilter.class);
        }
        http.csrf(c -> c.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .httpBasic(b -> b.disable())
                .formLogin(f -> f.disable())
                .logout(l -> l.disable())
                .requestCache(c -> c.disable())
                .addFilterBefore(new BearerFilter(token), AnonymousAuthenticationFilter.class)
                .authorizeHttpRequests(a -> a
                        .requestMatchers("/webhooks/**", "/oauth/**", "/actuator/health", "/actuator/health/**",
                                "/", "/index.html", "/ui/**", "/favicon.ico", "/error").permitAll()
                        .anyRequest().hasAuthority(OPERATOR))
                .exceptionHandling(e -> e.authenticationEntryPoint((request, response, ex) -> {
                    log.warn("Refused an unauthenticated {} {} from {}: {}", request.getMethod(), request.getRequestURI(),
                            request.getRemoteAddr(), request.getHeader("Authorization") == null
                                    ? "no bearer token" : "wrong bearer token");
                    response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
                    response.setHeader("WWW-Authenticate", "Bearer realm=\"scoro-xero-sync\"");
                    response.setContentType(MediaType.APPLICATION_JSON_VALUE);
                    response.getWriter().write("{\"error\":\"unauthorized\",\"message\":\"send the operator token as "
                            + "'Authorization: Bearer <token>'\"}");
                }));
        return http.build();
    }

    static final String OPERATOR = "OPERATOR";

    /** Without the control role, the control API and the status page are not here (404); health, metrics and webhooks are. */
    static final class NoControlHere extends OncePerRequestFilter {

        private final io.sxs.app.config.ProcessRoles roles;

        NoControlHere(io.sxs.app.config.ProcessRoles roles) {
            this.roles = roles;
        }

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            String path = request.getRequestURI();
            if (path.startsWith("/api/") || path.equals("/api") || path.equals("/") || path.startsWith("/ui/")
                    || path.equals("/index.html")) {
                response.setStatus(HttpServletResponse.SC_NOT_FOUND);
                response.setContentType(MediaType.APPLICATION_JSON_VALUE);
                response.getWriter().write("{\"error\":\"not_here\",\"message\":\"this process does not run the control role "
                        + "(sxs.roles=" + roles + ")\"}");
                return;
            }
            chain.doFilter(request, response);
        }
    }

    /** Authenticates a request that carries the operator token as a bearer token; anything else stays anonymous. */
    static final class BearerFilter extends OncePerRequestFilter {

        private final OperatorToken token;

        BearerFilter(OperatorToken token) {
            this.token = token;
        }

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            String header = request.getHeader("Authorization");
            if (header != null && header.regionMatches(true, 0, "Bearer ", 0, 7) && token.matches(header.substring(7).trim())) {
                SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                        "operator", null, List.of(new SimpleGrantedAuthority(OPERATOR))));
            }
            chain.doFilter(request, response);
        }
    }
}
