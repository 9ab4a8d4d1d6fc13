#include "app/DemoVault.h"

#include "core/Domain.h"
#include "db/VaultService.h"

#include <QCoreApplication>

namespace hh::app {

namespace {
struct DemoMember {
    const char* displayName;
    const char* legalName;
    QDate dob;
    Relationship relationship;
};
} // namespace

Status openDemoVault(db::VaultService& vault)
{
    const QString email = QString::fromLatin1(kDemoEmail);
    const SecretBytes password{QByteArray(kDemoPassword)};
    if (vault.vaultExists()) {
        auto user = vault.signIn(email, password).result();
        return user ? success() : Status(user.error());
    }
    auto user = vault.createAccount(email, QCoreApplication::translate("hh::app", "Demo caregiver"), password).result();
    if (!user)
        return user.error();
    // The same people as the demo health systems' synthetic family (core/demo).
    const DemoMember family[] = {
        {"Alex", "Alex Rivera", QDate(1984, 5, 14), Relationship::Self},
        {"Mom", "Maria Rivera", QDate(1946, 3, 2), Relationship::Mother},
        {"Dad", "Jose Rivera", QDate(1942, 9, 21), Relationship::Father},
        {"Sam", "Sam Rivera", QDate(2017, 7, 9), Relationship::Child},
    };
    for (const DemoMember& m : family) {
        Profile p;
        p.displayName = QString::fromUtf8(m.displayName);
        p.legalName = QString::fromUtf8(m.legalName);
        p.dateOfBirth = m.dob;
        p.relationship = m.relationship;
        auto added = vault.addProfile(p).result();
        if (!added)
            return added.error();
    }
    return success();
}

} // namespace hh::app
