#include "bench/PageSource.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

using namespace Qt::StringLiterals;

namespace hh::bench {

PageSource::PageSource(const demo::SyntheticFamily& family, demo::Vendor vendor, QString patientKey, int pageSize)
    : m_family(family), m_vendor(vendor), m_key(std::move(patientKey)), m_pageSize(std::max(1, pageSize))
{
    m_types = m_family.types(m_vendor, m_key);
    m_total = m_family.totalCount(m_vendor, m_key);
}

bool PageSource::next(QByteArray& bundle)
{
    QJsonArray entries;
    while (entries.size() < m_pageSize && m_typeIndex < m_types.size()) {
        const QString& type = m_types.at(m_typeIndex);
        if (m_index >= m_family.count(m_vendor, m_key, type)) {
            ++m_typeIndex;
            m_index = 0;
            continue;
        }
        const QJsonObject resource = m_family.resource(m_vendor, m_key, type, m_index++);
        const QString fullUrl = u"http://127.0.0.1/bench/"_s + type + u'/' + resource.value(u"id"_s).toString();
        entries.append(QJsonObject{{u"fullUrl"_s, fullUrl},
                                   {u"resource"_s, resource},
                                   {u"search"_s, QJsonObject{{u"mode"_s, u"match"_s}}}});
    }
    if (entries.isEmpty())
        return false;
    const QJsonObject b{{u"resourceType"_s, u"Bundle"_s},
                        {u"type"_s, u"searchset"_s},
                        {u"link"_s, QJsonArray{QJsonObject{{u"relation"_s, u"self"_s},
                                                           {u"url"_s, u"http://127.0.0.1/bench/page"_s}}}},
                        {u"entry"_s, entries}};
    bundle = QJsonDocument(b).toJson(QJsonDocument::Compact);
    return true;
}

} // namespace hh::bench
