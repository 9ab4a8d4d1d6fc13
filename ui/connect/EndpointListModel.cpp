#include "ui/connect/EndpointListModel.h"

#include "core/connect/ConnectService.h"
#include "ui/Async.h"

using namespace Qt::StringLiterals;

namespace hh::ui {

EndpointListModel::EndpointListModel(connect::ConnectService* service, QObject* parent)
    : QAbstractListModel(parent), m_service(service)
{
}

EndpointListModel::~EndpointListModel() = default;

void EndpointListModel::setSearchText(const QString& text)
{
    m_text = text.simplified();
    reload();
}

void EndpointListModel::reload()
{
    ++m_generation;
    beginResetModel();
    m_items.clear();
    m_total = 0;
    endResetModel();
    m_loading = false;
    fetch(0);
}

const connect::Endpoint* EndpointListModel::endpointAt(int row) const
{
    return row >= 0 && row < m_items.size() ? &m_items.at(row) : nullptr;
}

int EndpointListModel::rowOf(const QString& endpointId) const
{
    for (int i = 0; i < m_items.size(); ++i) {
        if (m_items.at(i).id == endpointId)
            return i;
    }
    return -1;
}

int EndpointListModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_items.size());
}

QVariant EndpointListModel::data(const QModelIndex& index, int role) const
{
    const connect::Endpoint* e = endpointAt(index.row());
    if (!e || index.parent().isValid())
        return {};
    switch (role) {
    case Qt::DisplayRole: {
        QString place = e->city;
        if (!e->state.isEmpty())
            place = place.isEmpty() ? e->state : tr("%1, %2").arg(e->city, e->state);
        QString text = place.isEmpty() ? e->name : tr("%1 — %2").arg(e->name, place);
        if (e->sandbox)
            text = tr("%1 (test system)").arg(text);
        return text;
    }
    case Qt::ToolTipRole:
        return e->isDemo() ? tr("Demo health system on this computer") : e->fhirBaseUrl;
    case IdRole:
        return e->id;
    case VendorRole:
        return e->vendor;
    case BaseUrlRole:
        return e->fhirBaseUrl;
    case SandboxRole:
        return e->sandbox;
    default:
        return {};
    }
}

QHash<int, QByteArray> EndpointListModel::roleNames() const
{
    auto names = QAbstractListModel::roleNames();
    names.insert(IdRole, "endpointId");
    names.insert(VendorRole, "vendor");
    names.insert(BaseUrlRole, "fhirBaseUrl");
    names.insert(SandboxRole, "sandbox");
    return names;
}

bool EndpointListModel::canFetchMore(const QModelIndex& parent) const
{
    return !parent.isValid() && !m_loading && m_items.size() < m_total;
}

void EndpointListModel::fetchMore(const QModelIndex& parent)
{
    if (canFetchMore(parent))
        fetch(static_cast<int>(m_items.size()));
}

void EndpointListModel::fetch(int offset)
{
    if (!m_service || m_loading)
        return;
    m_loading = true;
    Q_EMIT loadingChanged(true);
    const quint64 generation = m_generation;
    whenFinished(m_service->searchEndpoints(m_text, offset, kPageSize), this,
                 [this, generation, offset](const Result<connect::EndpointPage>& page) {
                     if (generation != m_generation)
                         return;
                     m_loading = false;
                     Q_EMIT loadingChanged(false);
                     if (!page) {
                         Q_EMIT loadFailed(page.error().message());
                         return;
                     }
                     if (offset != m_items.size())
                         return;
                     m_total = page->total;
                     if (!page->items.isEmpty()) {
                         beginInsertRows({}, static_cast<int>(m_items.size()),
                                         static_cast<int>(m_items.size() + page->items.size() - 1));
                         m_items.append(page->items);
                         endInsertRows();
                     }
                     Q_EMIT pageLoaded();
                 });
}

} // namespace hh::ui
