package com.warden.app.backup;

import com.warden.app.connect.Access;
import com.warden.app.connect.ConnectionErrors;
import com.warden.app.connect.ConnectionProfile;
import com.warden.app.connect.Database;
import com.warden.app.connect.ProfileResolver;
import java.sql.Connection;
import java.sql.SQLException;

/** Single connections for backup work: opened, used, closed; errors said in one line. */
final class Sql {
    private Sql() { }

    static Connection open(ConnectionProfile profile, ProfileResolver resolver, Access access) {
        try {
            return Database.dataSource(profile, access, resolver).getConnection();
        } catch (SQLException e) {
            throw ConnectionErrors.explain(e, profile);
        }
    }
}
