#include "ChangeFeed.h"

namespace daybreak {

const QList<FeedSource> &feedSources()
{
    static const QList<FeedSource> sources{
        {QStringLiteral("settings"), QStringLiteral("key")},
        {QStringLiteral("pipelines"), QStringLiteral("id")},
        {QStringLiteral("upstreams"), QStringLiteral("pipeline")},
        {QStringLiteral("routing"), QStringLiteral("pipeline")},
        {QStringLiteral("parity_results"), QStringLiteral("pipeline")},
        {QStringLiteral("waves"), QStringLiteral("name")},
        {QStringLiteral("wave_members"), QStringLiteral("pipeline")},
        {QStringLiteral("run_events"), QStringLiteral("pipeline")},
        {QStringLiteral("alerts"), QStringLiteral("business_date")},
        {QStringLiteral("change_requests"), QStringLiteral("id")},
        {QStringLiteral("audit"), QStringLiteral("pipeline")},
        {QStringLiteral("watches"), QStringLiteral("id")},
    };
    return sources;
}

StoreChange classifyFeed(const QList<FeedEntry> &entries)
{
    StoreChange c;
    for (const FeedEntry &e : entries) {
        const QString &t = e.table;
        if (t == QLatin1String("routing"))
            c.routing.insert(e.key);
        else if (t == QLatin1String("parity_results"))
            c.parity.insert(e.key);
        else if (t == QLatin1String("waves") || t == QLatin1String("wave_members"))
            c.plan = true;
        else if (t == QLatin1String("settings") && e.key == QLatin1String("plan_version"))
            c.plan = true;
        else if (t == QLatin1String("run_events"))
            c.runs.insert(e.key);
        else if (t == QLatin1String("alerts"))
            c.alerts = true;
        else if (t == QLatin1String("change_requests"))
            c.requests = true;
        else if (t == QLatin1String("audit"))
            c.audit = true;
        else if (t == QLatin1String("watches"))
            c.watches = true;
        else if (!c.everything) // the inventory: its pipelines, edges or settings
            c = StoreChange::all(QStringLiteral("the inventory changed (%1 %2)").arg(t, e.key));
        if (c.everything)
            return c;
    }
    return c;
}

QStringList sqliteFeedStatements()
{
    QStringList s{
        QStringLiteral("CREATE TABLE change_feed (seq INTEGER PRIMARY KEY AUTOINCREMENT, "
                       "tbl TEXT NOT NULL, key TEXT NOT NULL DEFAULT '')"),
        QStringLiteral("CREATE TRIGGER change_feed_trim AFTER INSERT ON change_feed BEGIN "
                       "DELETE FROM change_feed WHERE seq <= NEW.seq - %1; END")
            .arg(kFeedKept),
    };
    for (const FeedSource &f : feedSources())
        for (const auto &[event, row] :
             {std::pair{"INSERT", "NEW"}, std::pair{"UPDATE", "NEW"}, std::pair{"DELETE", "OLD"}})
            s << QStringLiteral("CREATE TRIGGER %1_feed_%2 AFTER %3 ON %1 BEGIN INSERT INTO "
                                "change_feed (tbl, key) VALUES ('%1', COALESCE(CAST(%4.%5 AS "
                                "TEXT), '')); END")
                     .arg(f.table, QString::fromLatin1(event).toLower(), QString::fromLatin1(event),
                          QString::fromLatin1(row), f.key);
    return s;
}

QStringList pgFeedStatements()
{
    QStringList s{
        QStringLiteral("CREATE TABLE change_feed (seq BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY "
                       "KEY, tbl TEXT NOT NULL, key TEXT NOT NULL DEFAULT '')"),
        // Owned by the schema owner: nobody else writes the feed but through the triggers.
        // They are deferred to the commit, where the transaction lock makes the sequence's order
        // the commit order (a console that read up to N never meets an N-1 committed later)
        // while holding it only for the commit itself.
        QStringLiteral(
            "CREATE FUNCTION daybreak_feed() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER "
            "SET search_path = public, pg_temp AS $$ "
            "DECLARE row JSONB := to_jsonb(CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END); "
            "new_seq BIGINT; "
            "BEGIN "
            "PERFORM pg_advisory_xact_lock(7261, 15); "
            "INSERT INTO change_feed (tbl, key) VALUES (TG_TABLE_NAME, COALESCE(row->>TG_ARGV[0], "
            "'')) RETURNING seq INTO new_seq; "
            "IF new_seq % 1000 = 0 THEN DELETE FROM change_feed WHERE seq <= new_seq - %1; "
            "END IF; "
            "RETURN NULL; END $$")
            .arg(kFeedKept),
        QStringLiteral("REVOKE ALL ON FUNCTION daybreak_feed() FROM PUBLIC"),
    };
    for (const FeedSource &f : feedSources())
        s << QStringLiteral("CREATE CONSTRAINT TRIGGER %1_feed AFTER INSERT OR UPDATE OR DELETE "
                            "ON %1 DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION "
                            "daybreak_feed('%2')")
                 .arg(f.table, f.key);
    return s;
}

} // namespace daybreak
