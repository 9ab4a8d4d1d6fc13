#include "core/clinical/JsonWriter.h"

#include <cmath>

namespace hh::clinical {

void JsonWriter::key(QLatin1StringView k)
{
    if (!m_first)
        m_out.append(',');
    m_first = false;
    m_out.append('"');
    m_out.append(k.data(), k.size()); // keys are ASCII literals of this project
    m_out.append("\":", 2);
    m_afterKey = true;
}

void JsonWriter::value(double d)
{
    separator();
    if (!std::isfinite(d)) {
        m_out.append("null");
        return;
    }
    if (d == std::floor(d) && std::abs(d) < 9007199254740992.0) {
        m_out.append(QByteArray::number(static_cast<qint64>(d))); // -0 is written as 0
        return;
    }
    m_out.append(QByteArray::number(d, 'g', QLocale::FloatingPointShortest));
}

void JsonWriter::value(int i)
{
    separator();
    m_out.append(QByteArray::number(i));
}

void JsonWriter::field(QLatin1StringView k, const QStringList& l)
{
    if (l.isEmpty())
        return;
    key(k);
    beginArray();
    for (const QString& s : l)
        value(s);
    endArray();
}

void JsonWriter::value(const QJsonValue& v)
{
    switch (v.type()) {
    case QJsonValue::Null:
    case QJsonValue::Undefined:
        nullValue();
        break;
    case QJsonValue::Bool:
        value(v.toBool());
        break;
    case QJsonValue::Double:
        value(v.toDouble());
        break;
    case QJsonValue::String:
        value(v.toString());
        break;
    case QJsonValue::Array: {
        beginArray();
        const QJsonArray a = v.toArray();
        for (const QJsonValue& e : a)
            value(e);
        endArray();
        break;
    }
    case QJsonValue::Object: {
        beginObject();
        const QJsonObject o = v.toObject();
        for (auto it = o.constBegin(); it != o.constEnd(); ++it) {
            if (!m_first)
                m_out.append(',');
            m_first = false;
            writeString(it.key());
            m_out.append(':');
            m_afterKey = true;
            value(it.value());
        }
        endObject();
        break;
    }
    }
}

void JsonWriter::writeString(const QString& s)
{
    static const char kHex[] = "0123456789abcdef";
    m_out.append('"');
    const char16_t* p = reinterpret_cast<const char16_t*>(s.constData());
    const qsizetype n = s.size();
    for (qsizetype i = 0; i < n; ++i) {
        char32_t c = p[i];
        if (c < 0x80) {
            if (c == u'"' || c == u'\\') {
                m_out.append('\\');
                m_out.append(char(c));
            } else if (c < 0x20) {
                switch (c) {
                case u'\n': m_out.append("\\n", 2); break;
                case u'\r': m_out.append("\\r", 2); break;
                case u'\t': m_out.append("\\t", 2); break;
                case u'\b': m_out.append("\\b", 2); break;
                case u'\f': m_out.append("\\f", 2); break;
                default: {
                    const char esc[6] = {'\\', 'u', '0', '0', kHex[(c >> 4) & 0xf], kHex[c & 0xf]};
                    m_out.append(esc, 6);
                }
                }
            } else {
                m_out.append(char(c));
            }
            continue;
        }
        if (c >= 0xD800 && c <= 0xDBFF && i + 1 < n && p[i + 1] >= 0xDC00 && p[i + 1] <= 0xDFFF) {
            c = 0x10000 + ((c - 0xD800) << 10) + (p[i + 1] - 0xDC00);
            ++i;
        } else if (c >= 0xD800 && c <= 0xDFFF) {
            c = 0xFFFD; // lone surrogate
        }
        char buf[4];
        int len;
        if (c < 0x800) {
            buf[0] = char(0xC0 | (c >> 6));
            buf[1] = char(0x80 | (c & 0x3F));
            len = 2;
        } else if (c < 0x10000) {
            buf[0] = char(0xE0 | (c >> 12));
            buf[1] = char(0x80 | ((c >> 6) & 0x3F));
            buf[2] = char(0x80 | (c & 0x3F));
            len = 3;
        } else {
            buf[0] = char(0xF0 | (c >> 18));
            buf[1] = char(0x80 | ((c >> 12) & 0x3F));
            buf[2] = char(0x80 | ((c >> 6) & 0x3F));
            buf[3] = char(0x80 | (c & 0x3F));
            len = 4;
        }
        m_out.append(buf, len);
    }
    m_out.append('"');
}

} // namespace hh::clinical
