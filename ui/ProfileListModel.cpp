#include "ui/ProfileListModel.h"

#include "ui/RecordFormat.h"
#include "ui/Theme.h"

#include <algorithm>

using namespace Qt::StringLiterals;

namespace hh::ui {

namespace {
bool lessThan(const Profile& a, const Profile& b)
{
    const int c = QString::localeAwareCompare(a.displayName, b.displayName);
    if (c != 0)
        return c < 0;
    return a.id < b.id;
}
} // namespace

ProfileListModel::ProfileListModel(QObject* parent) : QAbstractListModel(parent) {}

ProfileListModel::~ProfileListModel() = default;

int ProfileListModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_profiles.size());
}

QVariant ProfileListModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Profile& p = m_profiles.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
    case Qt::EditRole:
        return p.displayName;
    case Qt::ToolTipRole:
    case Qt::AccessibleTextRole: {
        //: Profile card for screen readers and tooltips: name, relationship, age
        QString text = tr("%1, %2, %3").arg(p.displayName, relationshipLabel(p.relationship), ageText(p.dateOfBirth, today()));
        const auto it = m_overviews.constFind(p.id);
        if (it != m_overviews.cend()) {
            //: Profile card, continued: sync state, counts
            text = tr("%1. %2. %3.").arg(text, RecordFormat::syncState(*it), RecordFormat::counts(*it));
            for (const records::ProfileAlert& a : it->alerts)
                text += u' ' + RecordFormat::alert(a) + u'.';
        }
        return text;
    }
    case ProfileIdRole:
        return p.id;
    case ProfileRole:
        return QVariant::fromValue(p);
    case LegalNameRole:
        return p.legalName;
    case RelationshipRole:
        return static_cast<int>(p.relationship);
    case RelationshipKeyRole:
        return relationshipKey(p.relationship);
    case RelationshipLabelRole:
        return relationshipLabel(p.relationship);
    case DateOfBirthRole:
        return p.dateOfBirth;
    case AgeRole:
        if (const auto age = ageInYears(p.dateOfBirth, today()))
            return *age;
        return {};
    case AgeTextRole:
        return ageText(p.dateOfBirth, today());
    case InitialsRole:
        return initialsOf(p.displayName);
    case AvatarColorRole:
        return avatarColor(p.id.isEmpty() ? p.displayName : p.id);
    default:
        break;
    }
    const auto it = m_overviews.constFind(p.id);
    const bool has = it != m_overviews.cend();
    switch (role) {
    case HasOverviewRole:
        return has;
    case OverviewRole:
        return has ? QVariant::fromValue(*it) : QVariant();
    case SyncTextRole:
        return has ? RecordFormat::syncState(*it) : QString();
    case SyncStateRole: {
        if (!has)
            return static_cast<int>(SyncState::Unknown);
        const records::ProfileOverview& o = *it;
        bool needsSignIn = false;
        for (const records::ProfileAlert& a : o.alerts)
            needsSignIn = needsSignIn || a.kind == u"needs_sign_in";
        if (o.syncRunning || o.status == records::SummaryStatus::Syncing)
            return static_cast<int>(SyncState::Running);
        if (o.connections.isEmpty())
            return static_cast<int>(SyncState::NotConnected);
        if (needsSignIn)
            return static_cast<int>(SyncState::NeedsSignIn);
        if (o.lastSyncFailed || o.status == records::SummaryStatus::Error)
            return static_cast<int>(SyncState::Failed);
        return static_cast<int>(SyncState::Ok);
    }
    case CountsTextRole:
        return has && (it->status != records::SummaryStatus::Absent || it->activeConditions + it->activeMedications
                                                                                + it->allergies > 0)
                   ? RecordFormat::counts(*it)
                   : QString();
    case AlertsRole: {
        QStringList lines;
        if (!has)
            return lines;
        // Most important first: high severity, then medium, then the rest.
        for (const QString& severity : {u"high"_s, u"medium"_s, QString()})
            for (const records::ProfileAlert& a : it->alerts)
                if ((severity.isEmpty() && a.severity != u"high" && a.severity != u"medium") || a.severity == severity)
                    lines.append(RecordFormat::alert(a));
        return lines;
    }
    case AlertCountRole:
        return has ? static_cast<int>(it->alerts.size()) : 0;
    default:
        return {};
    }
}

QHash<int, QByteArray> ProfileListModel::roleNames() const
{
    QHash<int, QByteArray> names = QAbstractListModel::roleNames();
    names.insert(ProfileIdRole, "profileId");
    names.insert(ProfileRole, "profile");
    names.insert(LegalNameRole, "legalName");
    names.insert(RelationshipRole, "relationship");
    names.insert(RelationshipKeyRole, "relationshipKey");
    names.insert(RelationshipLabelRole, "relationshipLabel");
    names.insert(DateOfBirthRole, "dateOfBirth");
    names.insert(AgeRole, "age");
    names.insert(AgeTextRole, "ageText");
    names.insert(InitialsRole, "initials");
    names.insert(AvatarColorRole, "avatarColor");
    names.insert(OverviewRole, "overview");
    names.insert(HasOverviewRole, "hasOverview");
    names.insert(SyncTextRole, "syncText");
    names.insert(SyncStateRole, "syncState");
    names.insert(CountsTextRole, "countsText");
    names.insert(AlertsRole, "alerts");
    names.insert(AlertCountRole, "alertCount");
    return names;
}

void ProfileListModel::setProfiles(QList<Profile> profiles)
{
    std::stable_sort(profiles.begin(), profiles.end(), lessThan);
    beginResetModel();
    m_profiles = std::move(profiles);
    // Keep the overviews of profiles that are still there (a reload must not blank the cards).
    QHash<QString, records::ProfileOverview> kept;
    for (const Profile& p : std::as_const(m_profiles))
        if (m_overviews.contains(p.id))
            kept.insert(p.id, m_overviews.value(p.id));
    m_overviews = std::move(kept);
    endResetModel();
}

int ProfileListModel::insertPosition(const Profile& profile, int ignoreRow) const
{
    // Position in the list as it would be without ignoreRow.
    int pos = 0;
    for (int row = 0; row < m_profiles.size(); ++row) {
        if (row == ignoreRow)
            continue;
        if (lessThan(m_profiles.at(row), profile))
            ++pos;
    }
    return pos;
}

QModelIndex ProfileListModel::upsertProfile(const Profile& profile)
{
    const int oldRow = rowOf(profile.id);
    if (oldRow < 0) {
        const int row = insertPosition(profile, -1);
        beginInsertRows(QModelIndex(), row, row);
        m_profiles.insert(row, profile);
        endInsertRows();
        return index(row);
    }
    const int newRow = insertPosition(profile, oldRow);
    if (newRow != oldRow) {
        // Qt's destination is the row before which the item lands in the *old* list.
        const int destination = newRow > oldRow ? newRow + 1 : newRow;
        beginMoveRows(QModelIndex(), oldRow, oldRow, QModelIndex(), destination);
        m_profiles.move(oldRow, newRow);
        m_profiles[newRow] = profile;
        endMoveRows();
    } else {
        m_profiles[newRow] = profile;
    }
    const QModelIndex idx = index(newRow);
    Q_EMIT dataChanged(idx, idx);
    return idx;
}

bool ProfileListModel::removeProfile(const QString& profileId)
{
    const int row = rowOf(profileId);
    if (row < 0)
        return false;
    beginRemoveRows(QModelIndex(), row, row);
    m_profiles.removeAt(row);
    m_overviews.remove(profileId);
    endRemoveRows();
    return true;
}

void ProfileListModel::clear()
{
    setProfiles({});
}

std::optional<Profile> ProfileListModel::profileAt(int row) const
{
    if (row < 0 || row >= m_profiles.size())
        return std::nullopt;
    return m_profiles.at(row);
}

int ProfileListModel::rowOf(const QString& profileId) const
{
    for (int row = 0; row < m_profiles.size(); ++row)
        if (m_profiles.at(row).id == profileId)
            return row;
    return -1;
}

void ProfileListModel::setOverview(const records::ProfileOverview& overview)
{
    const int row = rowOf(overview.profileId);
    if (row < 0)
        return;
    m_overviews.insert(overview.profileId, overview);
    const QModelIndex idx = index(row);
    Q_EMIT dataChanged(idx, idx);
}

std::optional<records::ProfileOverview> ProfileListModel::overviewOf(const QString& profileId) const
{
    const auto it = m_overviews.constFind(profileId);
    if (it == m_overviews.cend())
        return std::nullopt;
    return *it;
}

bool ProfileListModel::containsRelationship(Relationship relationship) const
{
    return std::any_of(m_profiles.cbegin(), m_profiles.cend(),
                       [relationship](const Profile& p) { return p.relationship == relationship; });
}

void ProfileListModel::setReferenceDate(QDate date)
{
    m_referenceDate = date;
    if (!m_profiles.isEmpty())
        Q_EMIT dataChanged(index(0), index(static_cast<int>(m_profiles.size()) - 1));
}

QDate ProfileListModel::today() const
{
    return m_referenceDate.isValid() ? m_referenceDate : QDate::currentDate();
}

std::optional<int> ProfileListModel::ageInYears(QDate dob, QDate today)
{
    if (!dob.isValid() || !today.isValid() || dob > today)
        return std::nullopt;
    int years = today.year() - dob.year();
    if (today.month() < dob.month() || (today.month() == dob.month() && today.day() < dob.day()))
        --years;
    return years;
}

QString ProfileListModel::ageText(QDate dob, QDate today)
{
    const auto years = ageInYears(dob, today);
    if (!years)
        return tr("Age unknown");
    // Numerus forms (%n) let translations pick their plural; English needs no .qm: years >= 2 here.
    if (*years >= 2)
        return tr("%n years", "age", *years);
    int months = (today.year() - dob.year()) * 12 + (today.month() - dob.month());
    if (today.day() < dob.day())
        --months;
    if (months < 1)
        return tr("Under a month");
    if (months == 1)
        return tr("1 month", "age");
    return tr("%n months", "age", months);
}

} // namespace hh::ui
