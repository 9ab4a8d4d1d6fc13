#include "core/Domain.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QRandomGenerator>
#include <QUuid>

#include <atomic>

namespace hh {

namespace {
struct RelationshipInfo {
    Relationship value;
    const char16_t* key;
    const char* label;
};
constexpr RelationshipInfo kRelationships[] = {
    {Relationship::Self, u"self", QT_TRANSLATE_NOOP("hh::Relationship", "Self")},
    {Relationship::Mother, u"mother", QT_TRANSLATE_NOOP("hh::Relationship", "Mother")},
    {Relationship::Father, u"father", QT_TRANSLATE_NOOP("hh::Relationship", "Father")},
    {Relationship::Spouse, u"spouse", QT_TRANSLATE_NOOP("hh::Relationship", "Spouse")},
    {Relationship::Child, u"child", QT_TRANSLATE_NOOP("hh::Relationship", "Child")},
    {Relationship::Sibling, u"sibling", QT_TRANSLATE_NOOP("hh::Relationship", "Sibling")},
    {Relationship::Grandparent, u"grandparent", QT_TRANSLATE_NOOP("hh::Relationship", "Grandparent")},
    {Relationship::Other, u"other", QT_TRANSLATE_NOOP("hh::Relationship", "Other")},
};
} // namespace

QString relationshipKey(Relationship r)
{
    for (const auto& info : kRelationships)
        if (info.value == r)
            return QString::fromUtf16(info.key);
    return QStringLiteral("other");
}

std::optional<Relationship> relationshipFromKey(QStringView key)
{
    for (const auto& info : kRelationships)
        if (key.compare(QString::fromUtf16(info.key), Qt::CaseInsensitive) == 0)
            return info.value;
    return std::nullopt;
}

QList<Relationship> allRelationships()
{
    QList<Relationship> out;
    for (const auto& info : kRelationships)
        out.append(info.value);
    return out;
}

QString relationshipLabel(Relationship r)
{
    for (const auto& info : kRelationships)
        if (info.value == r)
            return QCoreApplication::translate("hh::Relationship", info.label);
    return QString();
}

// A time-ordered UUID (version 7 layout: 48-bit Unix milliseconds, then random bits), lowercase, no
// braces. Raw rows get these ids so that inserts append to the primary-key index instead of touching
// a random page of it for every row (a random UUID v4 per row multiplies the pages a page-sized
// transaction writes).
QString newOrderedId()
{
    static std::atomic<quint64> lastMs{0};
    static std::atomic<quint32> sequence{0};
    quint64 ms = static_cast<quint64>(QDateTime::currentMSecsSinceEpoch());
    quint64 prev = lastMs.load();
    while (ms > prev && !lastMs.compare_exchange_weak(prev, ms)) {
    }
    const quint32 seq = sequence.fetch_add(1) & 0x0fffU; // 12 bits: keeps ids ordered within a millisecond
    quint64 rand = QRandomGenerator::global()->generate64();
    unsigned char b[16];
    for (int i = 0; i < 6; ++i)
        b[i] = static_cast<unsigned char>(ms >> (8 * (5 - i)));
    b[6] = static_cast<unsigned char>(0x70 | ((seq >> 8) & 0x0f));
    b[7] = static_cast<unsigned char>(seq & 0xff);
    for (int i = 8; i < 16; ++i) {
        b[i] = static_cast<unsigned char>(rand & 0xff);
        rand >>= 8;
    }
    b[8] = static_cast<unsigned char>(0x80 | (b[8] & 0x3f));
    static const char* hex = "0123456789abcdef";
    QString out;
    out.reserve(36);
    for (int i = 0; i < 16; ++i) {
        if (i == 4 || i == 6 || i == 8 || i == 10)
            out += u'-';
        out += QLatin1Char(hex[b[i] >> 4]);
        out += QLatin1Char(hex[b[i] & 0x0f]);
    }
    return out;
}

QString newId()
{
    return QUuid::createUuid().toString(QUuid::WithoutBraces).toLower();
}

QString nowUtcIso()
{
    return QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs);
}

} // namespace hh
