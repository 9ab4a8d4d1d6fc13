#pragma once

#include <QJsonArray>
#include <QJsonObject>
#include <QJsonValue>
#include <QLatin1StringView>
#include <QString>
#include <QStringList>

#include <cmath>
#include <optional>

// Internal helpers for reading untrusted JSON without assumptions about its shape (every accessor
// checks the type and falls back to empty) and for writing compact JSON without empty members.
namespace hh::clinical::json {

inline QString str(const QJsonObject& o, QLatin1StringView key)
{
    const QJsonValue v = o.value(key);
    return v.isString() ? v.toString() : QString();
}

inline QJsonObject obj(const QJsonObject& o, QLatin1StringView key)
{
    const QJsonValue v = o.value(key);
    return v.isObject() ? v.toObject() : QJsonObject();
}

inline QJsonArray arr(const QJsonObject& o, QLatin1StringView key)
{
    const QJsonValue v = o.value(key);
    return v.isArray() ? v.toArray() : QJsonArray();
}

inline std::optional<double> num(const QJsonObject& o, QLatin1StringView key)
{
    const QJsonValue v = o.value(key);
    if (v.isDouble()) {
        const double d = v.toDouble();
        if (std::isfinite(d))
            return d;
    }
    return std::nullopt;
}

inline bool boolean(const QJsonObject& o, QLatin1StringView key, bool fallback = false)
{
    const QJsonValue v = o.value(key);
    return v.isBool() ? v.toBool() : fallback;
}

inline void put(QJsonObject& o, QLatin1StringView key, const QString& v)
{
    if (!v.isEmpty())
        o.insert(key, v);
}

inline void put(QJsonObject& o, QLatin1StringView key, const std::optional<double>& v)
{
    if (v)
        o.insert(key, *v);
}

inline void put(QJsonObject& o, QLatin1StringView key, const QStringList& v)
{
    if (!v.isEmpty())
        o.insert(key, QJsonArray::fromStringList(v));
}

inline void put(QJsonObject& o, QLatin1StringView key, const QJsonObject& v)
{
    if (!v.isEmpty())
        o.insert(key, v);
}

inline void put(QJsonObject& o, QLatin1StringView key, const QJsonArray& v)
{
    if (!v.isEmpty())
        o.insert(key, v);
}

inline QStringList strings(const QJsonObject& o, QLatin1StringView key)
{
    QStringList out;
    const QJsonArray a = arr(o, key);
    out.reserve(a.size());
    for (const QJsonValue& v : a)
        if (v.isString())
            out.append(v.toString());
    return out;
}

} // namespace hh::clinical::json
