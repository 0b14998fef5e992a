package com.alvh.identity;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.TrustedAuthenticationRequest;
import io.quarkus.security.runtime.QuarkusPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.smallrye.mutiny.Uni;

/**
 * The console's session: after a form sign-in, each request carries only the (encrypted, signed) user name, which
 * Quarkus hands over as a trusted request. The user is looked up again, so a removed user's session stops working
 * and changed roles apply at once.
 */
@ApplicationScoped
public class StoreSessionIdentityProvider implements IdentityProvider<TrustedAuthenticationRequest> {

    private final UserStore store;

    @Inject
    public StoreSessionIdentityProvider(UserStore store) {
        this.store = store;
    }

    @Override
    public Class<TrustedAuthenticationRequest> getRequestType() {
        return TrustedAuthenticationRequest.class;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(TrustedAuthenticationRequest request, AuthenticationRequestContext context) {
        return context.runBlocking(() -> {
            StoredUser user = store.find(request.getPrincipal())
                    .orElseThrow(() -> new AuthenticationFailedException("the signed-in user no longer exists"));
            return QuarkusSecurityIdentity.builder().setPrincipal(new QuarkusPrincipal(user.name()))
                    .addRoles(user.roles()).build();
        });
    }
}
