#include "Utf8.h"

#include <QStringDecoder>

namespace daybreak {

namespace {

bool validUtf8(QByteArrayView bytes)
{
    QStringDecoder decoder(QStringDecoder::Utf8, QStringDecoder::Flag::Stateless);
    const QString text = decoder.decode(bytes);
    return !decoder.hasError();
}

} // namespace

std::optional<TextPosition> firstInvalidUtf8(const QByteArray &data)
{
    if (validUtf8(data))
        return std::nullopt;
    int line = 1;
    qsizetype lineStart = 0;
    while (lineStart <= data.size()) {
        qsizetype end = data.indexOf('\n', lineStart);
        if (end < 0)
            end = data.size();
        const QByteArrayView text(data.constData() + lineStart, end - lineStart);
        if (!validUtf8(text)) {
            // Character by character: the length a lead byte announces, then whether those
            // bytes decode (only the bad line is walked, and only when there is a fault).
            qsizetype i = 0;
            while (i < text.size()) {
                const uchar lead = uchar(text.at(i));
                const qsizetype length = lead < 0x80             ? 1
                                         : (lead & 0xE0) == 0xC0 ? 2
                                         : (lead & 0xF0) == 0xE0 ? 3
                                         : (lead & 0xF8) == 0xF0 ? 4
                                                                 : 0;
                if (length == 0 || i + length > text.size() || !validUtf8(text.sliced(i, length)))
                    break;
                i += length;
            }
            return TextPosition{line, int(i) + 1};
        }
        lineStart = end + 1;
        ++line;
    }
    return TextPosition{line, 1};
}

} // namespace daybreak
