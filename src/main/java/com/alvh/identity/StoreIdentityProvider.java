package com.alvh.identity;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.UsernamePasswordAuthenticationRequest;
import io.quarkus.security.runtime.QuarkusPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.smallrye.mutiny.Uni;

/** Checks a name and password (HTTP Basic or the console's login form) against the user store. */
@ApplicationScoped
public class StoreIdentityProvider implements IdentityProvider<UsernamePasswordAuthenticationRequest> {

    private static final Logger LOG = Logger.getLogger(StoreIdentityProvider.class);

    private final UserStore store;
    private final Passwords passwords;

    @Inject
    public StoreIdentityProvider(UserStore store, Passwords passwords) {
        this.store = store;
        this.passwords = passwords;
    }

    @Override
    public Class<UsernamePasswordAuthenticationRequest> getRequestType() {
        return UsernamePasswordAuthenticationRequest.class;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(UsernamePasswordAuthenticationRequest request,
            AuthenticationRequestContext context) {
        // bcrypt and the file read block: off the event loop
        return context.runBlocking(() -> {
            String name = request.getUsername();
            StoredUser user = store.find(name).orElse(null);
            if (!passwords.matches(user, new String(request.getPassword().getPassword()))) {
                LOG.debugf("refused credentials for user '%s'", name);
                throw new AuthenticationFailedException("wrong user name or password");
            }
            return QuarkusSecurityIdentity.builder()
                    .setPrincipal(new QuarkusPrincipal(user.name()))
                    .addRoles(user.roles())
                    .build();
        });
    }
}
