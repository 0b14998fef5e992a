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
        String name = request.getUsername();
        String password = new String(request.getPassword().getPassword());
        // an API client sends the same credentials with every call: once checked, they cost a stat and one HMAC,
        // answered on the calling thread (the event loop) instead of a round trip through a worker thread
        StoredUser known = store.findInMemory(name).orElse(null);
        if (known != null && passwords.remembered(known, password)) {
            return Uni.createFrom().item(identityOf(known));
        }
        // bcrypt and the file read block: off the event loop
        return context.runBlocking(() -> {
            StoredUser user = store.find(name).orElse(null);
            if (!passwords.matches(user, password)) {
                LOG.debugf("refused credentials for user '%s'", name);
                throw new AuthenticationFailedException("wrong user name or password");
            }
            return identityOf(user);
        });
    }

    private static SecurityIdentity identityOf(StoredUser user) {
        return QuarkusSecurityIdentity.builder()
                .setPrincipal(new QuarkusPrincipal(user.name()))
                .addRoles(user.roles())
                .build();
    }
}
