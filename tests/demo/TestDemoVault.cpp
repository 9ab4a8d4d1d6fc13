// The demo vault (`healthhub --demo`, app/DemoVault.cpp): its profiles are the demo health systems' family,
// so the records each profile syncs are that person's.
#include "app/DemoVault.h"
#include "core/Domain.h"
#include "core/demo/SyntheticFamily.h"
#include "core/vault/Keychain.h"
#include "db/VaultService.h"

#include <QTemporaryDir>
#include <QTest>

using namespace hh;
using namespace Qt::StringLiterals;

class TestDemoVault : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void profilesAreTheDemoFamily()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QHash<Relationship, QString> keys{{Relationship::Self, u"self"_s},
                                                {Relationship::Mother, u"mother"_s},
                                                {Relationship::Father, u"father"_s},
                                                {Relationship::Child, u"child"_s}};
        const demo::SyntheticFamily family;
        {
            db::VaultService vault(dir.path(), std::make_unique<NoKeychain>());
            const Status st = app::openDemoVault(vault);
            QVERIFY2(st.ok(), st.ok() ? "" : qPrintable(st.error().detail()));
            const auto profiles = vault.listProfiles().result();
            QVERIFY(profiles.ok());
            QCOMPARE(profiles->size(), 4);
            for (const Profile& p : *profiles) {
                QVERIFY2(keys.contains(p.relationship), qPrintable(p.displayName));
                const std::optional<demo::DemoPatient> person = family.patient(keys.value(p.relationship));
                QVERIFY(person.has_value());
                QCOMPARE(p.legalName, person->displayName);
                QCOMPARE(p.dateOfBirth, QDate::fromString(person->birthDate, Qt::ISODate));
                QVERIFY(!p.displayName.isEmpty());
            }
            vault.lock();
        }
        // A second start signs in to the same vault and adds nobody.
        db::VaultService again(dir.path(), std::make_unique<NoKeychain>());
        QVERIFY(app::openDemoVault(again).ok());
        QCOMPARE(again.listProfiles().result()->size(), 4);
    }
};

QTEST_GUILESS_MAIN(TestDemoVault)
#include "TestDemoVault.moc"
