#include "app/DemoVault.h"

#include "core/Domain.h"
#include "core/connect/DemoEndpoints.h"
#include "core/demo/SyntheticFamily.h"
#include "db/VaultService.h"

#include <QCoreApplication>

namespace hh::app {

namespace {
// Each is the demo health systems' patient connect::DemoEndpoints::patientFor(relationship).
struct DemoMember {
    Relationship relationship;
    const char* displayName; // empty: the patient's first name
};

const DemoMember kFamily[] = {
    {Relationship::Self, ""},
    {Relationship::Mother, "Mom"},
    {Relationship::Father, "Dad"},
    {Relationship::Child, ""},
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
    // The same people as the demo health systems' synthetic family (core/demo): their names and birth dates,
    // so that the records a profile syncs are that person's.
    const demo::SyntheticFamily people;
    for (const DemoMember& m : kFamily) {
        const QString key = connect::DemoEndpoints::patientFor(m.relationship);
        const std::optional<demo::DemoPatient> person = people.patient(key);
        if (!person)
            return Error(ErrorCode::Unknown, QCoreApplication::translate("hh::app", "The demo family is incomplete."),
                         QStringLiteral("no demo patient %1").arg(key));
        Profile p;
        p.displayName = *m.displayName ? QString::fromUtf8(m.displayName) : person->displayName.section(u' ', 0, 0);
        p.legalName = person->displayName;
        p.dateOfBirth = QDate::fromString(person->birthDate, Qt::ISODate);
        p.relationship = m.relationship;
        auto added = vault.addProfile(p).result();
        if (!added)
            return added.error();
    }
    return success();
}

} // namespace hh::app
