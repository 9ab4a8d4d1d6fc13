#include "db/SqlUtil.h"

namespace hh::db {

Error sqlError(const QSqlError& error, const QString& userMessage)
{
    const QString text = error.text();
    const ErrorCode code = text.contains(QLatin1String("UNIQUE"), Qt::CaseInsensitive) ? ErrorCode::AlreadyExists
                                                                                        : ErrorCode::Database;
    return Error(code, userMessage, text);
}

Error sqlError(const QSqlQuery& query, const QString& userMessage)
{
    return sqlError(query.lastError(), userMessage);
}

QVariant nullIfEmpty(const QString& s)
{
    return s.isEmpty() ? QVariant(QMetaType::fromType<QString>()) : QVariant(s);
}

QVariant nullIfAbsent(const std::optional<double>& v)
{
    return v ? QVariant(*v) : QVariant(QMetaType::fromType<double>());
}

Status exec(QSqlQuery& query, const QString& userMessage)
{
    if (!query.exec())
        return sqlError(query, userMessage);
    return success();
}

} // namespace hh::db
