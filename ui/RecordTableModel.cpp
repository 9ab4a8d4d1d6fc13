#include "ui/RecordTableModel.h"

#include "core/records/IRecordsService.h"
#include "ui/RecordFormat.h"
#include "ui/Theme.h"

#include <QApplication>
#include <QIcon>
#include <QJsonArray>

using namespace Qt::StringLiterals;

namespace hh::ui {

using namespace hh::records;

namespace {
QList<RecordTableModel::Column> columnsFor(RecordKind kind)
{
    using C = RecordTableModel::Column;
    switch (kind) {
    case RecordKind::Conditions:
        return {C::Name, C::Status, C::Date, C::End, C::Code, C::Sources};
    case RecordKind::Medications:
        return {C::Name, C::Details, C::Status, C::Date, C::Code, C::Sources};
    case RecordKind::Allergies:
        return {C::Name, C::Criticality, C::Reactions, C::Status, C::Date, C::Sources};
    case RecordKind::Immunizations:
        return {C::Name, C::Date, C::Status, C::Code, C::Sources};
    case RecordKind::Procedures:
        return {C::Name, C::Date, C::Status, C::Code, C::Sources};
    case RecordKind::Encounters:
        return {C::Date, C::Name, C::Class, C::Place, C::Status, C::Sources};
    case RecordKind::Documents:
        return {C::Name, C::Date, C::Format, C::Status, C::Sources};
    case RecordKind::Observations:
        return {C::Date, C::Value, C::Flag, C::Range, C::Status, C::Sources};
    case RecordKind::Other:
        break;
    }
    return {C::Name, C::Date, C::Sources};
}

} // namespace

RecordTableModel::RecordTableModel(RecordKind kind, QObject* parent)
    : PagedTableModel(parent), m_columns(columnsFor(kind))
{
    m_query.kind = kind;
    m_query.sort = RecordSort::Date;
    m_query.descending = true;
    m_sortColumn = columnOf(Column::Date);
}

RecordTableModel::~RecordTableModel() = default;

void RecordTableModel::setService(IRecordsService* service)
{
    m_service = service;
    clearRows();
}

void RecordTableModel::setProfileId(const QString& profileId)
{
    if (m_query.profileId == profileId)
        return;
    m_query.profileId = profileId;
    clearRows();
}

void RecordTableModel::setFilterText(const QString& text)
{
    if (m_query.text == text)
        return;
    m_query.text = text;
    reload();
}

void RecordTableModel::setStatusFilter(StatusFilter status)
{
    if (m_query.status == status)
        return;
    m_query.status = status;
    reload();
}

void RecordTableModel::resetFilters(StatusFilter status)
{
    m_query.text.clear();
    m_query.status = status;
}

void RecordTableModel::setCode(const QString& system, const QString& code)
{
    m_query.codeSystem = system;
    m_query.code = code;
    clearRows();
}

bool RecordTableModel::canRead() const
{
    return m_service && !m_query.profileId.isEmpty();
}

void RecordTableModel::dropRows()
{
    m_rows.clear();
}

void RecordTableModel::requestPage(int offset, int limit)
{
    RecordQuery q = m_query;
    q.offset = offset;
    q.limit = limit;
    takePage(m_service->records(q), m_rows, offset, "reading records failed:");
}

void RecordTableModel::requestRefresh(int limit)
{
    RecordQuery q = m_query;
    q.offset = 0;
    q.limit = limit;
    takeRefresh(m_service->records(q), m_rows, [](const RecordRow& a, const RecordRow& b) { return a.id == b.id; },
                true);
}

int RecordTableModel::rowOf(const QString& recordId) const
{
    for (qsizetype i = 0; i < m_rows.size(); ++i)
        if (m_rows.at(i).id == recordId)
            return static_cast<int>(i);
    return -1;
}

int RecordTableModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_rows.size());
}

int RecordTableModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_columns.size());
}

int RecordTableModel::sortKeyOf(Column column)
{
    switch (column) {
    case Column::Name:
        return static_cast<int>(RecordSort::Name);
    case Column::Status:
        return static_cast<int>(RecordSort::Status);
    case Column::Date:
        return static_cast<int>(RecordSort::Date);
    case Column::Code:
        return static_cast<int>(RecordSort::Code);
    case Column::Value:
        return static_cast<int>(RecordSort::Value);
    default:
        return -1;
    }
}

QVariant RecordTableModel::display(const RecordRow& row, Column column) const
{
    const QJsonObject& d = row.details;
    switch (column) {
    case Column::Name:
        return row.display.isEmpty() ? tr("(no name)") : row.display;
    case Column::Status:
        return RecordFormat::status(row.status);
    case Column::Date:
        return m_query.kind == RecordKind::Observations || m_query.kind == RecordKind::Encounters
                   ? RecordFormat::dateTime(row.effectiveAt)
                   : RecordFormat::date(row.effectiveAt);
    case Column::End:
        return RecordFormat::date(row.effectiveEnd);
    case Column::Code:
        return RecordFormat::code(row.codeSystem, row.code);
    case Column::Sources:
        return row.sourceNames.join(u", "_s);
    case Column::Details: {
        QStringList parts;
        for (const auto key : {"strength"_L1, "dosage"_L1})
            if (!d.value(key).toString().isEmpty())
                parts.append(d.value(key).toString());
        return parts.join(u" · "_s);
    }
    case Column::Criticality:
        return RecordFormat::criticality(d.value("criticality"_L1).toString());
    case Column::Reactions:
        return RecordFormat::reactions(d.value("reactions"_L1));
    case Column::Value:
        return RecordFormat::value(row.valueNum, row.valueUnit, row.valueText);
    case Column::Flag:
        return RecordFormat::abnormalLabel(row.abnormal);
    case Column::Range:
        return RecordFormat::range(row.rangeLow, row.rangeHigh, row.rangeText);
    case Column::Format:
        return RecordFormat::contentType(d.value("content_types"_L1).toArray().first().toString());
    case Column::Class: {
        const QJsonObject cls = d.value("class"_L1).toObject();
        return cls.value("display"_L1).toString().isEmpty() ? cls.value("code"_L1).toString()
                                                             : cls.value("display"_L1).toString();
    }
    case Column::Place: {
        QStringList parts;
        for (const auto key : {"location"_L1, "service_provider"_L1})
            if (!d.value(key).toString().isEmpty() && !parts.contains(d.value(key).toString()))
                parts.append(d.value(key).toString());
        return parts.join(u" · "_s);
    }
    }
    return {};
}

QVariant RecordTableModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const RecordRow& row = m_rows.at(index.row());
    const Column column = m_columns.at(index.column());
    switch (role) {
    case Qt::DisplayRole:
        return display(row, column);
    case Qt::AccessibleTextRole: {
        QString text = display(row, column).toString();
        if (m_query.kind == RecordKind::Encounters && index.column() == 0) // the timeline shows column 0 only
            text = tr("%1, %2, %3", "visit, date, place")
                       .arg(display(row, Column::Name).toString(), text, display(row, Column::Place).toString());
        if (index.column() == 0 && row.hasConflict)
            text = tr("%1 (the health systems disagree)").arg(text);
        return text;
    }
    case Qt::ToolTipRole:
        if (index.column() == 0 && row.hasConflict)
            return tr("The health systems disagree about this record. Open it to compare their values.");
        if (column == Column::Sources)
            return tr("From: %1").arg(row.sourceNames.join(u", "_s));
        return {};
    case Qt::DecorationRole:
        if (index.column() == 0 && row.hasConflict)
            return QIcon(u":/icons/conflict.svg"_s);
        return {};
    case Qt::ForegroundRole:
        if ((column == Column::Value || column == Column::Flag) && row.isAbnormal())
            return errorTextColor(QApplication::palette());
        return {};
    case Qt::FontRole:
        if ((column == Column::Value || column == Column::Flag) && row.isAbnormal()) {
            QFont f = QApplication::font();
            f.setWeight(QFont::DemiBold);
            return f;
        }
        return {};
    case RecordIdRole:
        return row.id;
    case RecordRole:
        return QVariant::fromValue(row);
    case EffectiveAtRole:
        return row.effectiveAt;
    case ConflictRole:
        return row.hasConflict;
    case AbnormalRole:
        return row.isAbnormal();
    case SortKeyRole:
        return sortKeyOf(column);
    default:
        return {};
    }
}

QVariant RecordTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || section < 0 || section >= m_columns.size())
        return QAbstractTableModel::headerData(section, orientation, role);
    if (role != Qt::DisplayRole && role != Qt::AccessibleTextRole)
        return {};
    switch (m_columns.at(section)) {
    case Column::Name:
        switch (m_query.kind) {
        case RecordKind::Conditions:
            return tr("Condition");
        case RecordKind::Medications:
            return tr("Medication");
        case RecordKind::Allergies:
            return tr("Allergy");
        case RecordKind::Immunizations:
            return tr("Vaccine");
        case RecordKind::Encounters:
            return tr("Visit");
        case RecordKind::Documents:
            return tr("Title");
        default:
            return tr("Name");
        }
    case Column::Status:
        return tr("Status");
    case Column::Date:
        switch (m_query.kind) {
        case RecordKind::Conditions:
            return tr("Since");
        case RecordKind::Medications:
            return tr("Prescribed");
        case RecordKind::Allergies:
            return tr("Recorded");
        default:
            return tr("Date");
        }
    case Column::End:
        return tr("Resolved");
    case Column::Code:
        return tr("Code");
    case Column::Sources:
        return tr("From");
    case Column::Details:
        return tr("Strength and dose");
    case Column::Criticality:
        return tr("Risk");
    case Column::Reactions:
        return tr("Reactions");
    case Column::Value:
        return tr("Result");
    case Column::Flag:
        return tr("Flag");
    case Column::Range:
        return tr("Reference range");
    case Column::Format:
        return tr("Format");
    case Column::Class:
        return tr("Kind");
    case Column::Place:
        return tr("Where");
    }
    return {};
}

QHash<int, QByteArray> RecordTableModel::roleNames() const
{
    QHash<int, QByteArray> names = QAbstractTableModel::roleNames();
    names.insert(RecordIdRole, "recordId");
    names.insert(RecordRole, "record");
    names.insert(EffectiveAtRole, "effectiveAt");
    names.insert(ConflictRole, "hasConflict");
    names.insert(AbnormalRole, "isAbnormal");
    names.insert(SortKeyRole, "sortKey");
    return names;
}

void RecordTableModel::sort(int column, Qt::SortOrder order)
{
    if (column < 0 || column >= m_columns.size())
        return;
    const int key = sortKeyOf(m_columns.at(column));
    if (key < 0)
        return; // not sortable in the service: keep the current order
    const bool descending = order == Qt::DescendingOrder;
    if (m_query.sort == static_cast<RecordSort>(key) && m_query.descending == descending && totalCount() >= 0)
        return;
    m_query.sort = static_cast<RecordSort>(key);
    m_query.descending = descending;
    m_sortColumn = column;
    m_sortOrder = order;
    if (totalCount() >= 0 || isLoading())
        reload();
}

} // namespace hh::ui
