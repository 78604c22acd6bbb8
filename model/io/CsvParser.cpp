#include "CsvParser.h"

namespace daybreak {

CsvParser::CsvParser(const QByteArray &data)
{
    const QString text = QString::fromUtf8(data);
    int line = 1;
    CsvRecord record{1, {}};
    QString field;
    bool quoted = false;
    bool fieldWasQuoted = false;
    int quoteStart = 0;
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text.at(i);
        if (quoted) {
            if (c == QLatin1Char('"')) {
                if (i + 1 < text.size() && text.at(i + 1) == QLatin1Char('"')) {
                    field += QLatin1Char('"');
                    ++i;
                } else {
                    quoted = false;
                }
            } else if (c == QLatin1Char('\r') && i + 1 < text.size() &&
                       text.at(i + 1) == QLatin1Char('\n')) {
                continue; // a CRLF file's line break inside a quoted field is a line break
            } else {
                if (c == QLatin1Char('\n'))
                    ++line;
                field += c;
            }
            continue;
        }
        if (c == QLatin1Char('"') && field.isEmpty() && !fieldWasQuoted) {
            quoted = true;
            fieldWasQuoted = true;
            quoteStart = line;
        } else if (c == QLatin1Char(',')) {
            record.fields.append(field);
            field.clear();
            fieldWasQuoted = false;
        } else if (c == QLatin1Char('\r')) {
            continue;
        } else if (c == QLatin1Char('\n')) {
            record.fields.append(field);
            m_records.append(record);
            field.clear();
            fieldWasQuoted = false;
            ++line;
            record = CsvRecord{line, {}};
        } else {
            field += c;
        }
    }
    if (quoted)
        m_errors.append({quoteStart, QStringLiteral("a quoted field is never closed")});
    if (!field.isEmpty() || !record.fields.isEmpty() || fieldWasQuoted) {
        record.fields.append(field);
        m_records.append(record);
    }
}

QString CsvParser::quote(const QString &field)
{
    if (!field.contains(QLatin1Char(',')) && !field.contains(QLatin1Char('"')) &&
        !field.contains(QLatin1Char('\n')))
        return field;
    QString escaped = field;
    escaped.replace(QLatin1String("\""), QLatin1String("\"\""));
    return QLatin1Char('"') + escaped + QLatin1Char('"');
}

} // namespace daybreak
