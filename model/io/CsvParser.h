#pragma once

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringList>

namespace daybreak {

struct CsvRecord
{
    int line = 0; // where the record starts, 1-based
    QStringList fields;
};

struct CsvError
{
    int line = 0;
    QString message;
};

// RFC 4180 CSV: comma separated, double-quoted fields may hold commas, quotes ("") and newlines.
class CsvParser
{
public:
    explicit CsvParser(const QByteArray &data);

    const QList<CsvRecord> &records() const { return m_records; }
    const QList<CsvError> &errors() const { return m_errors; }

    static QString quote(const QString &field); // for writers

private:
    QList<CsvRecord> m_records;
    QList<CsvError> m_errors;
};

} // namespace daybreak
