#pragma once

#include "core/clinical/CleanRecord.h"

#include <QByteArray>
#include <QJsonObject>
#include <QString>

class QSqlQuery;

namespace hh::db {

// Reading a profile_fhir_resources_clean row's whole document. Rows store clean_json without what their
// other columns hold (clinical::CleanRecord::storedJsonBytes()); every reader that needs the document
// selects cleanDocumentColumns() and completes it with cleanDocument() (CleanRecord::withColumns()).

// The SELECT list: the columns a stored clean_json leaves out, then clean_json (kCleanDocumentColumns in all).
inline constexpr int kCleanDocumentColumns = 9;
[[nodiscard]] QString cleanDocumentColumns();

// Read from a query whose columns `first` .. first + kCleanDocumentColumns - 1 are cleanDocumentColumns().
[[nodiscard]] clinical::CleanRecord::Columns cleanColumns(const QSqlQuery& q, int first);
[[nodiscard]] QByteArray storedCleanJson(const QSqlQuery& q, int first);
[[nodiscard]] QJsonObject cleanDocument(const QSqlQuery& q, int first);

} // namespace hh::db
