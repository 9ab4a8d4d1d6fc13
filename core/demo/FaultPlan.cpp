#include "core/demo/FaultPlan.h"

#include <QCoreApplication>
#include <QRegularExpression>

using namespace Qt::StringLiterals;

namespace hh::demo {

namespace {

Error specError(const QString& spec, const QString& why)
{
    return Error(ErrorCode::InvalidInput,
                 QCoreApplication::translate("hh::demo::FaultPlan", "Invalid fault \"%1\": %2").arg(spec, why),
                 u"fault spec rejected: "_s + why);
}

bool isOperation(const QString& s)
{
    static const QStringList kOps{u"authorize"_s,  u"token"_s,    u"register"_s,           u"revoke"_s,
                                  u"introspect"_s, u"metadata"_s, u"smart-configuration"_s};
    return kOps.contains(s);
}

} // namespace

Result<FaultPlan::Rule> FaultPlan::parse(const QString& specIn)
{
    const QString spec = specIn.trimmed();
    if (spec.isEmpty())
        return specError(spec, u"empty"_s);
    QStringList parts = spec.split(u',');
    QStringList head;
    // Options may also follow a ':' ("expire-token:after=5").
    for (const QString& field : parts.takeFirst().split(u':')) {
        if (field.contains(u'='))
            parts.append(field);
        else
            head.append(field);
    }
    if (head.isEmpty())
        return specError(spec, u"no kind"_s);
    if (head.size() > 3)
        return specError(spec, u"too many ':' fields"_s);
    Rule rule;
    rule.spec = spec;
    const QString kind = head.at(0).trimmed().toLower();
    if (kind == u"403")
        rule.kind = Kind::Forbidden;
    else if (kind == u"429")
        rule.kind = Kind::TooManyRequests;
    else if (kind == u"500")
        rule.kind = Kind::ServerError;
    else if (kind == u"503")
        rule.kind = Kind::Unavailable;
    else if (kind == u"slow")
        rule.kind = Kind::Slow;
    else if (kind == u"truncate")
        rule.kind = Kind::Truncate;
    else if (kind == u"malformed")
        rule.kind = Kind::Malformed;
    else if (kind == u"drop")
        rule.kind = Kind::Drop;
    else if (kind == u"endless")
        rule.kind = Kind::Endless;
    else if (kind == u"expire-token")
        rule.kind = Kind::ExpireToken;
    else
        return specError(spec, u"unknown kind '%1'"_s.arg(kind));
    if (rule.kind == Kind::TooManyRequests)
        rule.retryAfter = 1;
    rule.selector = head.size() > 1 ? head.at(1).trimmed() : u"*"_s;
    if (rule.selector.isEmpty())
        rule.selector = u"*"_s;
    static const QRegularExpression kType(u"^[A-Z][A-Za-z]+$"_s);
    if (rule.selector != u"*" && !kType.match(rule.selector).hasMatch() && !isOperation(rule.selector))
        return specError(spec, u"unknown selector '%1'"_s.arg(rule.selector));
    if (head.size() > 2) {
        const QString nth = head.at(2).trimmed();
        if (nth == u"*") {
            rule.nth = 1;
            rule.times = 0;
        } else {
            bool ok = false;
            rule.nth = nth.toInt(&ok);
            if (!ok || rule.nth < 1)
                return specError(spec, u"NTH must be a positive number or '*'"_s);
        }
    }
    if (rule.kind == Kind::Endless)
        rule.times = 0;
    for (const QString& raw : parts) {
        const qsizetype eq = raw.indexOf(u'=');
        if (eq <= 0)
            return specError(spec, u"option '%1' is not key=value"_s.arg(raw));
        const QString key = raw.left(eq).trimmed().toLower();
        const QString value = raw.mid(eq + 1).trimmed();
        if (key == u"endpoint") {
            if (value.isEmpty())
                return specError(spec, u"empty endpoint"_s);
            rule.endpoint = value;
            continue;
        }
        bool ok = false;
        const int n = value.toInt(&ok);
        if (!ok || n < 0)
            return specError(spec, u"option '%1' needs a number >= 0"_s.arg(key));
        if (key == u"times")
            rule.times = n;
        else if (key == u"retry-after")
            rule.retryAfter = n;
        else if (key == u"ms")
            rule.delayMs = n;
        else if (key == u"after")
            rule.after = n;
        else
            return specError(spec, u"unknown option '%1'"_s.arg(key));
    }
    return rule;
}

Status FaultPlan::add(const QString& spec)
{
    auto rule = parse(spec);
    if (!rule)
        return rule.error();
    m_rules.append(std::move(rule).value());
    return success();
}

QStringList FaultPlan::specs() const
{
    QStringList out;
    for (const Rule& r : m_rules)
        out.append(r.spec);
    return out;
}

bool FaultPlan::matches(const Rule& rule, const QString& endpointId, const QString& selectorName, bool isFhir)
{
    if (!rule.endpoint.isEmpty() && rule.endpoint != endpointId)
        return false;
    if (rule.selector == u"*")
        return isFhir;
    return rule.selector == selectorName;
}

FaultPlan::Decision FaultPlan::onRequest(const QString& endpointId, const QString& selectorName, bool isFhir)
{
    Decision d;
    for (Rule& rule : m_rules) {
        if (rule.kind == Kind::Endless || rule.kind == Kind::ExpireToken)
            continue;
        if (!matches(rule, endpointId, selectorName, isFhir))
            continue;
        ++rule.matched;
        const bool inWindow = rule.matched >= rule.nth && (rule.times == 0 || rule.fired < rule.times);
        if (!inWindow)
            continue;
        if (rule.kind == Kind::Slow) {
            ++rule.fired;
            d.delayMs = std::max(d.delayMs, rule.delayMs);
            continue;
        }
        if (d.kind)
            continue; // one failure per request; the next rule counts this request but does not fire
        ++rule.fired;
        d.kind = rule.kind;
        d.retryAfter = rule.retryAfter;
    }
    return d;
}

bool FaultPlan::expireToken(const QString& endpointId, const QString& selectorName, const QString& tokenHandle)
{
    for (Rule& rule : m_rules) {
        if (rule.kind != Kind::ExpireToken || !matches(rule, endpointId, selectorName, true))
            continue;
        if (rule.times != 0 && rule.fired >= rule.times && !rule.tokenUses.contains(tokenHandle))
            continue;
        int& uses = rule.tokenUses[tokenHandle];
        if (uses < 0)
            return true; // already expired by this rule
        if (uses >= rule.after) {
            if (rule.times != 0 && rule.fired >= rule.times)
                continue;
            ++rule.fired;
            uses = -1;
            return true;
        }
        ++uses;
    }
    return false;
}

bool FaultPlan::endless(const QString& endpointId, const QString& type) const
{
    for (const Rule& rule : m_rules)
        if (rule.kind == Kind::Endless && matches(rule, endpointId, type, true))
            return true;
    return false;
}

} // namespace hh::demo
