package com.warden.ui.sessions;

import com.warden.app.sessions.UserRef;

/** An entry of the "view as" picker: nobody (the connected role) or one user. */
public final class UserChoice {
    static final UserChoice CONNECTED_ROLE = new UserChoice(null);

    private final UserRef user;

    UserChoice(UserRef user) {
        this.user = user;
    }

    UserRef user() {
        return user;
    }

    public boolean isUser() {
        return user != null;
    }

    public String label() {
        return user == null ? "(the connected role)" : user.label();
    }

    public String email() {
        return user == null ? "" : user.email();
    }

    @Override
    public String toString() {
        return label();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof UserChoice c && (user == null ? c.user == null : c.user != null && user.id().equals(c.user.id()));
    }

    @Override
    public int hashCode() {
        return user == null ? 0 : user.id().hashCode();
    }
}
