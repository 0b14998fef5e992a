package com.alvh.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import com.alvh.identity.UsersCommand;

import picocli.CommandLine.Command;
import picocli.CommandLine.Unmatched;

/** {@code users add|list|remove} on the embedded user store of the data dir; the work is {@link UsersCommand}'s. */
@Command(name = "users", mixinStandardHelpOptions = true,
        description = {"Manage the users of the embedded store in ${alvh.data-dir} (ALVH_DATA_DIR, default 'data'), or of the"
                + " database with QUARKUS_PROFILE=prod,pg (or ALVH_IDENTITY_STORE=database) and the service's"
                + " QUARKUS_DATASOURCE_POSTGRESQL_* settings.",
            "  users add NAME --roles R1,R2 --password-stdin   add or replace a user (roles: client, auditor,"
                    + " strategist, operator)",
            "  users list                                      names and roles",
            "  users remove NAME                               remove a user"})
public final class UsersCli implements Callable<Integer> {

    @Unmatched
    List<String> args = new ArrayList<>();

    @Override
    public Integer call() {
        return UsersCommand.run(args, UsersCommand.dataDir(), System.in, System.out, System.err);
    }
}
