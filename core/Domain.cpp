#include "core/Domain.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QUuid>

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

QString newId()
{
    return QUuid::createUuid().toString(QUuid::WithoutBraces).toLower();
}

QString nowUtcIso()
{
    return QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs);
}

} // namespace hh
