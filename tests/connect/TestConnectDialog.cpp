// The connect dialogs: the paged directory model (QAbstractItemModelTester), search in the
// ConnectDialog, the sign-in settings page, adding a health system by address, and signing in from
// the dialog through the login window (demo server, auto-approve).
#include "ConnectTestSupport.h"
#include "LoginModuleSupport.h"
#include "WebTestSupport.h"

#include "core/connect/BuiltinEndpoints.h"
#include "core/connect/DemoEndpoints.h"
#include "core/demo/DemoServer.h"
#include "db/RecordsService.h"
#include "ui/ErrorLabel.h"
#include "ui/MessageBoxes.h"
#include "ui/SourcesSection.h"
#include "ui/connect/AddEndpointDialog.h"
#include "ui/connect/ConnectDialog.h"
#include "ui/connect/EndpointListModel.h"
#include "ui/connect/EndpointSettingsPage.h"
#include "ui/connect/LoginDialog.h"

#include <QAbstractItemModelTester>
#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QPushButton>
#include <QSignalSpy>
#include <QSqlQuery>
#include <QTreeWidget>

using namespace hh;
using namespace hh::connect;
using namespace Qt::StringLiterals;

class TestConnectDialog : public QObject
{
    Q_OBJECT

public:
    static void initMain() { test::prepareLoginWindow(); }

private:
    std::unique_ptr<test::VaultFixture> f;
    std::unique_ptr<ConnectService> service;

    void importClinics(int n)
    {
        QList<Endpoint> entries;
        for (int i = 0; i < n; ++i) {
            Endpoint e;
            e.vendor = u"epic"_s;
            e.name = u"Clinic %1"_s.arg(i, 3, 10, QLatin1Char('0'));
            e.city = i % 3 == 0 ? u"Springfield"_s : u"Shelbyville"_s;
            e.fhirBaseUrl = u"https://fhir%1.example.org/r4"_s.arg(i);
            entries.append(e);
        }
        auto stores = f->stores();
        QVERIFY(stores.endpoints->importEntries(entries, u"epic-directory"_s).ok());
        stores.releaseThreadResources();
    }

private Q_SLOTS:
    void init()
    {
        f = std::make_unique<test::VaultFixture>();
        QVERIFY(f->open());
        service = f->service();
        QVERIFY(service->ready().result().ok());
    }

    void cleanup()
    {
        service.reset();
        f->release();
        f.reset();
        DemoEndpoints::unregisterAll();
    }

    void modelPagesThroughTheDirectory()
    {
        importClinics(130);
        ui::EndpointListModel model(service.get());
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QSignalSpy loaded(&model, &ui::EndpointListModel::pageLoaded);
        model.setSearchText(QString());
        QTRY_VERIFY(loaded.count() >= 1);
        QCOMPARE(model.totalCount(), 134); // + 4 built-ins
        QVERIFY(model.rowCount() >= ui::EndpointListModel::kPageSize);
        QVERIFY(model.rowCount() < 134); // paged, not everything at once
        // The view asks for more as it scrolls.
        QTRY_VERIFY([&] {
            if (model.canFetchMore({}))
                model.fetchMore({});
            return model.rowCount() == 134 && !model.isLoading();
        }());
        QCOMPARE(loaded.count(), 3);
        QVERIFY(!model.canFetchMore({}));

        model.setSearchText(u"SPRINGFIELD"_s);
        QTRY_VERIFY(model.rowCount() > 0 && !model.isLoading());
        QCOMPARE(model.totalCount(), 44 + 2); // every third clinic, and the two demo systems
        for (int row = 0; row < model.rowCount(); ++row)
            QVERIFY(model.index(row).data().toString().contains(u"Springfield"_s));
        const int demoRow = model.rowOf(u"demo-epic"_s);
        QVERIFY(demoRow >= 0);
        QCOMPARE(model.index(demoRow).data(ui::EndpointListModel::VendorRole).toString(), u"epic"_s);
        QVERIFY(model.index(demoRow).data().toString().contains(u"test system"_s));
    }

    void settingsPageSavesVendorAndEndpointOverrides()
    {
        ui::EndpointSettingsPage page(service.get(), u"epic-sandbox"_s);
        page.show();
        auto* vendor = page.findChild<QComboBox*>(u"vendorComboBox"_s);
        QTRY_COMPARE(vendor->currentData().toString(), u"epic"_s); // follows the endpoint's vendor
        page.findChild<QLineEdit*>(u"vendorClientIdLineEdit"_s)->setText(u"epic-client"_s);
        page.findChild<QLineEdit*>(u"endpointScopesLineEdit"_s)->setText(u"openid fhirUser"_s);
        QSignalSpy saved(&page, &ui::EndpointSettingsPage::saved);
        QTest::mouseClick(page.findChild<QPushButton*>(u"saveSettingsButton"_s), Qt::LeftButton);
        QTRY_COMPARE(saved.count(), 1);
        auto effective = service->effectiveSettings(u"epic-sandbox"_s).result();
        QCOMPARE(effective->clientId, u"epic-client"_s);
        QCOMPARE(effective->clientIdOrigin, EndpointSettings::Origin::Vendor);
        QCOMPARE(effective->scopes, u"openid fhirUser"_s);
        QCOMPARE(effective->scopesOrigin, EndpointSettings::Origin::Endpoint);

        // An invalid redirect URI is refused with a message, nothing saved.
        page.findChild<QLineEdit*>(u"endpointRedirectUriLineEdit"_s)->setText(u"http://example.org/cb"_s);
        QTest::mouseClick(page.findChild<QPushButton*>(u"saveSettingsButton"_s), Qt::LeftButton);
        auto* error = page.findChild<ui::ErrorLabel*>();
        QVERIFY(error);
        QTRY_VERIFY(error->hasError());
        QVERIFY(error->text().contains(u"redirect URI"_s));
        QVERIFY(service->endpoint(u"epic-sandbox"_s).result()->redirectUri.isEmpty());
        QCOMPARE(saved.count(), 1);
    }

    void addEndpointByAddress()
    {
        demo::DemoServer server;
        QVERIFY(server.start({}).ok());
        ui::AddEndpointDialog dialog(service.get());
        dialog.show();
        dialog.findChild<QLineEdit*>(u"endpointNameLineEdit"_s)->setText(u"Riverside Clinic"_s);
        dialog.findChild<QLineEdit*>(u"fhirBaseLineEdit"_s)
            ->setText(server.endpoint(u"demo-epic"_s)->fhirBaseUrl.toString());
        QSignalSpy added(&dialog, &ui::AddEndpointDialog::endpointAdded);
        QTest::mouseClick(dialog.findChild<QPushButton*>(u"addButton"_s), Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(added.count(), 1, 20000);
        QCOMPARE(dialog.result(), int(QDialog::Accepted));
        QCOMPARE(dialog.addedEndpoint().vendor, u"other"_s);
        QCOMPARE(service->searchEndpoints(u"riverside"_s, 0, 5).result()->total, 1);
    }

    void signInFromTheConnectDialog()
    {
        demo::DemoServer server;
        demo::DemoServerOptions options;
        options.autoApprove = true; // the patient comes from the login hint
        QVERIFY(server.start(options).ok());
        for (const demo::DemoEndpoint& e : server.endpoints())
            DemoEndpoints::registerBaseUrl(e.id, e.fhirBaseUrl);

        ui::ConnectDialog dialog(service.get(), f->mom.id, f->mom.displayName);
        dialog.setDemoLoginHint(u"mother"_s); // as the main window does for a profile whose relationship is mother
        dialog.show();
        auto* search = dialog.findChild<QLineEdit*>(u"endpointSearchLineEdit"_s);
        auto* list = dialog.findChild<QListView*>(u"endpointListView"_s);
        auto* connectButton = dialog.findChild<QPushButton*>(u"connectButton"_s);
        QTRY_COMPARE(list->model()->rowCount(), 4);
        QVERIFY(!connectButton->isEnabled());
        QTest::keyClicks(search, u"athena"_s);
        QTRY_COMPARE(list->model()->rowCount(), 2); // demo-athena and athenahealth's preview sandbox
        dialog.selectEndpoint(u"demo-athena"_s);
        QTRY_COMPARE(dialog.selectedEndpointId(), u"demo-athena"_s);
        QVERIFY(connectButton->isEnabled());

        QSignalSpy connected(&dialog, &ui::ConnectDialog::connected);
        QTest::mouseClick(connectButton, Qt::LeftButton);
        QVERIFY(dialog.loginDialog());
        QTRY_COMPARE_WITH_TIMEOUT(connected.count(), 1, 30000);
        QCOMPARE(dialog.result(), int(QDialog::Accepted));
        QCOMPARE(dialog.connection()->endpointId, u"demo-athena"_s);
        QCOMPARE(dialog.connection()->patientEmrId, server.family().patient(u"mother"_s)->athenaId);
    }

    // Sources & sync history: "Disconnect…" asks first (Cancel changes nothing), disconnects the selected health
    // system, keeps its records or - with the box ticked - deletes them, and then has the profile's summary
    // built again from the others.
    void sourcesSectionDisconnects()
    {
        auto stores = f->stores();
        QVERIFY(stores.endpoints->ensureBuiltins(BuiltinEndpoints::all()).ok());
        QHash<QString, QString> ids; // endpoint -> connection
        for (const QString& endpoint : {u"demo-epic"_s, u"demo-athena"_s}) {
            EmrConnection c;
            c.profileId = f->mom.id;
            c.endpointId = endpoint;
            c.provider = endpoint == u"demo-epic" ? u"epic"_s : u"athena"_s;
            c.accessTokenEncrypted = QByteArray("not a sealed token"); // nothing to revoke: no network
            auto saved = stores.connections->saveSignIn(c);
            QVERIFY(saved.ok());
            ids.insert(endpoint, saved->id);
        }
        stores.releaseThreadResources();
        auto rawCount = [&](const QString& endpoint) {
            QSqlQuery q = f->query();
            q.prepare(u"SELECT count(*) FROM profile_fhir_resources_raw WHERE connection_id = ?"_s);
            q.addBindValue(ids.value(endpoint));
            return q.exec() && q.next() ? q.value(0).toInt() : -1;
        };
        {
            QSqlQuery q = f->query();
            const QString now = nowUtcIso();
            for (const QString& endpoint : {u"demo-epic"_s, u"demo-athena"_s}) {
                q.prepare(u"INSERT INTO profile_fhir_resources_raw (id, profile_id, resource_type, connection_id, "
                          "provider, resource_id, resource_json, content_hash, fetched_at, updated_at) "
                          "VALUES (?, ?, 'Condition', ?, 'x', 'c1', '{}', 'h', ?, ?)"_s);
                for (const QVariant& v :
                     QVariantList{u"raw-"_s + endpoint, f->mom.id, ids.value(endpoint), now, now})
                    q.addBindValue(v);
                QVERIFY(q.exec());
            }
        }
        f->release();

        db::RecordsService records(f->vault->connections(), f->user.id);
        QStringList rebuilt;
        ui::SessionServices services;
        services.records = &records;
        services.connect = service.get();
        services.updateRecords = [&](const QString& profileId) { rebuilt.append(profileId); };
        ui::SourcesSection section(services);
        QSignalSpy refreshed(&section, &ui::SourcesSection::refreshed);
        QSignalSpy finished(&section, &ui::SourcesSection::disconnectFinished);
        section.setProfile(f->mom);
        section.ensureLoaded();
        QTRY_COMPARE(refreshed.count(), 1);
        QTreeWidget* tree = section.connectionsTree();
        QCOMPARE(tree->topLevelItemCount(), 2);
        QPushButton* button = section.disconnectButton();
        QVERIFY(!button->isEnabled()); // nothing selected
        auto select = [&](const QString& endpoint) {
            for (int i = 0; i < tree->topLevelItemCount(); ++i)
                if (tree->topLevelItem(i)->data(0, Qt::UserRole).toString() == ids.value(endpoint))
                    tree->setCurrentItem(tree->topLevelItem(i));
            return button->isEnabled();
        };

        QList<ui::MessageBoxes::Request> asked;
        bool answer = false;
        bool tick = false;
        ui::MessageBoxes::setHandler([&](const ui::MessageBoxes::Request& r) {
            asked.append(r);
            if (r.optionChecked)
                *r.optionChecked = tick;
            return answer;
        });
        auto restore = qScopeGuard([] { ui::MessageBoxes::setHandler({}); });

        // Cancelled: nothing changes.
        QVERIFY(select(u"demo-athena"_s));
        button->click();
        QCOMPARE(asked.size(), 1);
        QVERIFY(!asked.first().optionText.isEmpty()); // the "also delete the records" box is offered
        QCOMPARE(finished.count(), 0);
        QCOMPARE(stores.connections->get(ids.value(u"demo-athena"_s))->status, ConnectionStatus::Connected);

        // Confirmed with the box ticked: disconnected, its records deleted, the summary rebuilt.
        answer = tick = true;
        QVERIFY(select(u"demo-athena"_s));
        button->click();
        QTRY_COMPARE(finished.count(), 1);
        QCOMPARE(stores.connections->get(ids.value(u"demo-athena"_s))->status, ConnectionStatus::Disconnected);
        QCOMPARE(rawCount(u"demo-athena"_s), 0);
        QCOMPARE(rawCount(u"demo-epic"_s), 1);
        QCOMPARE(rebuilt, QStringList{f->mom.id});
        QVERIFY2(section.statusLabel()->text().contains(u"deleted"_s), qPrintable(section.statusLabel()->text()));
        QTRY_COMPARE(refreshed.count(), 2); // the list shows the new status

        // Confirmed without the box: disconnected, records kept, nothing to rebuild.
        tick = false;
        QVERIFY(select(u"demo-epic"_s));
        button->click();
        QTRY_COMPARE(finished.count(), 2);
        QCOMPARE(stores.connections->get(ids.value(u"demo-epic"_s))->status, ConnectionStatus::Disconnected);
        QCOMPARE(rawCount(u"demo-epic"_s), 1);
        QCOMPARE(rebuilt.size(), 1);
        QVERIFY2(section.statusLabel()->text().contains(u"kept"_s), qPrintable(section.statusLabel()->text()));
        QTRY_COMPARE(refreshed.count(), 3);
        stores.releaseThreadResources();
        f->release();
    }
};

QTEST_MAIN(TestConnectDialog)
#include "TestConnectDialog.moc"
