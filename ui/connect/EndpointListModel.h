#pragma once

#include "core/connect/Endpoint.h"

#include <QAbstractListModel>
#include <QPointer>

namespace hh::connect {
class ConnectService;
}

namespace hh::ui {

// The directory of health systems for a list view: a search (name or city, case-insensitive) loaded
// page by page (fetchMore) from ConnectService::searchEndpoints, off the GUI thread.
class EndpointListModel final : public QAbstractListModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(EndpointListModel)

public:
    enum Role { IdRole = Qt::UserRole + 1, VendorRole, BaseUrlRole, SandboxRole };

    explicit EndpointListModel(connect::ConnectService* service, QObject* parent = nullptr);
    ~EndpointListModel() override;

    // Starts a new search (empty = everything); rows arrive asynchronously.
    void setSearchText(const QString& text);
    [[nodiscard]] QString searchText() const { return m_text; }
    // Reloads the current search (after an import or an added endpoint).
    void reload();

    [[nodiscard]] int totalCount() const { return m_total; }
    [[nodiscard]] bool isLoading() const { return m_loading; }
    [[nodiscard]] const connect::Endpoint* endpointAt(int row) const;
    [[nodiscard]] int rowOf(const QString& endpointId) const;

    int rowCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;
    bool canFetchMore(const QModelIndex& parent) const override;
    void fetchMore(const QModelIndex& parent) override;

    static constexpr int kPageSize = 50;

Q_SIGNALS:
    void loadingChanged(bool loading);
    void pageLoaded();
    void loadFailed(const QString& message);

private:
    void fetch(int offset);

    QPointer<connect::ConnectService> m_service;
    QString m_text;
    QList<connect::Endpoint> m_items;
    int m_total = 0;
    bool m_loading = false;
    quint64 m_generation = 0;
};

} // namespace hh::ui
