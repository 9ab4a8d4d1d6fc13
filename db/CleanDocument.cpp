#include "db/CleanDocument.h"

#include <QJsonDocument>
#include <QSqlQuery>
#include <QVariant>

using namespace Qt::StringLiterals;

namespace hh::db {

QString cleanDocumentColumns()
{
    return u"resource_type, dedup_key, status, canonical_system, canonical_code, display, effective_at, "
           u"CAST(sources AS BLOB), CAST(clean_json AS BLOB)"_s;
}

clinical::CleanRecord::Columns cleanColumns(const QSqlQuery& q, int first)
{
    clinical::CleanRecord::Columns c;
    c.resourceType = q.value(first).toString();
    c.dedupKey = q.value(first + 1).toString();
    c.status = q.value(first + 2).toString();
    c.canonicalSystem = q.value(first + 3).toString();
    c.canonicalCode = q.value(first + 4).toString();
    c.display = q.value(first + 5).toString();
    c.effectiveAt = q.value(first + 6).toString();
    c.sources = q.value(first + 7).toByteArray();
    return c;
}

QByteArray storedCleanJson(const QSqlQuery& q, int first)
{
    return q.value(first + kCleanDocumentColumns - 1).toByteArray();
}

QJsonObject cleanDocument(const QSqlQuery& q, int first)
{
    return clinical::CleanRecord::withColumns(QJsonDocument::fromJson(storedCleanJson(q, first)).object(),
                                              cleanColumns(q, first));
}

} // namespace hh::db
