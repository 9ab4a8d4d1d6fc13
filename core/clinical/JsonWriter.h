#pragma once

#include <QByteArray>
#include <QJsonArray>
#include <QJsonObject>
#include <QJsonValue>
#include <QLatin1StringView>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace hh::clinical {

// Streams compact JSON (UTF-8) straight into a QByteArray. The records' JSON for the
// normalized_json / clean_json / sources columns is written with it: building QJsonObjects and
// serializing them with QJsonDocument costs several times more (issue 8 throughput).
// Output parses with QJsonDocument; numbers use the shortest round-trip form; lone surrogates
// become U+FFFD; non-finite numbers become null. Not thread-safe per instance.
class JsonWriter
{
public:
    explicit JsonWriter(QByteArray& out) : m_out(out) {}

    void beginObject() { separator(); m_out.append('{'); m_first = true; }
    void endObject() { m_out.append('}'); m_first = false; }
    void beginArray() { separator(); m_out.append('['); m_first = true; }
    void endArray() { m_out.append(']'); m_first = false; }
    void key(QLatin1StringView k);

    void value(const QString& s) { separator(); writeString(s); }
    void value(double d);
    void value(int i);
    void value(bool b) { separator(); m_out.append(b ? "true" : "false"); }
    void value(const QJsonValue& v);
    void nullValue() { separator(); m_out.append("null"); }

    // Members skipped when empty, the way the records omit absent fields.
    void field(QLatin1StringView k, const QString& s) { if (!s.isEmpty()) { key(k); value(s); } }
    void field(QLatin1StringView k, const std::optional<double>& d) { if (d) { key(k); value(*d); } }
    void field(QLatin1StringView k, const QStringList& l);
    void field(QLatin1StringView k, const QJsonObject& o) { if (!o.isEmpty()) { key(k); value(QJsonValue(o)); } }
    void field(QLatin1StringView k, const QJsonArray& a) { if (!a.isEmpty()) { key(k); value(QJsonValue(a)); } }
    void flag(QLatin1StringView k, bool b) { if (b) { key(k); value(true); } }

    // An array of the project's value types (Coding, Component, SourceRef ...), each written by its
    // write(JsonWriter&); as a member, skipped when empty.
    template<typename T>
    void items(const QList<T>& list)
    {
        beginArray();
        for (const T& item : list)
            item.write(*this);
        endArray();
    }
    template<typename T>
    void items(QLatin1StringView k, const QList<T>& list)
    {
        if (!list.isEmpty()) {
            key(k);
            items(list);
        }
    }

private:
    void separator()
    {
        if (m_afterKey) {
            m_afterKey = false;
            return;
        }
        if (!m_first)
            m_out.append(',');
        m_first = false;
    }
    void writeString(const QString& s);

    QByteArray& m_out;
    bool m_first = true;
    bool m_afterKey = false;
};

} // namespace hh::clinical
