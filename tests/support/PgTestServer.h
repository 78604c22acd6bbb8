#pragma once

#include <QString>
#include <QStringList>

namespace daybreak {

// The throwaway PostgreSQL cluster ctest starts (scripts/pg-throwaway.sh, fixture "postgresql"):
// its state file is named by DAYBREAK_TEST_PG_STATE. Superuser postgres, password in the file.
class PgTestServer
{
public:
    PgTestServer();

    bool available() const { return m_port > 0; }
    QString problem() const { return m_problem; }
    int port() const { return m_port; }
    QString superuserPassword() const { return m_password; }

    // postgresql://user[:password]@127.0.0.1:port/database[?query]
    QString url(const QString &database, const QString &user = QStringLiteral("postgres"),
                const QString &password = QString(), const QString &query = QString()) const;
    QString superuserUrl(const QString &database) const
    {
        return url(database, QStringLiteral("postgres"), m_password);
    }
    // A new empty database with a unique name; returns the name.
    QString createDatabase();
    // Runs statements as the superuser; throws StoreError naming the failing one.
    void exec(const QStringList &statements,
              const QString &database = QStringLiteral("postgres")) const;
    // A login user with `password` holding `groupRole` (e.g. daybreak_operator), if given.
    void createUser(const QString &name, const QString &password,
                    const QString &groupRole = QString()) const;
    // Stops / starts the server process (fault tests); true on success.
    bool stop() const;
    bool resume() const;
    // Stops every server process with SIGSTOP (a server that is there but never answers) / lets
    // them go on; true on success.
    bool freeze() const;
    bool thaw() const;

private:
    bool script(const QString &command) const;

    QString m_stateFile;
    QString m_password;
    QString m_problem;
    int m_port = 0;
};

} // namespace daybreak
