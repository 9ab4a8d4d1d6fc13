#include "core/Validation.h"

#include <QCoreApplication>
#include <QRegularExpression>

namespace hh {

namespace {
struct Tr {
    Q_DECLARE_TR_FUNCTIONS(hh::Validation)
};
} // namespace

QString normalizeEmail(const QString& email)
{
    return email.trimmed().toLower();
}

Status validateEmail(const QString& email)
{
    // Deliberately simple: one @, a non-empty local part, a dotted domain, no spaces.
    static const QRegularExpression re(QStringLiteral(R"(^[^@\s]+@[^@\s.]+(\.[^@\s.]+)+$)"));
    const QString e = email.trimmed();
    if (e.isEmpty() || e.size() > 254 || !re.match(e).hasMatch())
        return Error(ErrorCode::InvalidInput, Tr::tr("Enter a valid email address, such as name@example.org."));
    return success();
}

Status validateLabel(const QString& text, qsizetype maxLength)
{
    if (text.size() > maxLength)
        return Error(ErrorCode::InvalidInput, Tr::tr("The name is too long."), QStringLiteral("label too long"));
    for (const QChar c : text) {
        const char16_t u = c.unicode();
        const bool bidiControl = (u >= 0x202A && u <= 0x202E) || (u >= 0x2066 && u <= 0x2069);
        if (c.category() == QChar::Other_Control || u == 0x2028 || u == 0x2029 || bidiControl)
            return Error(ErrorCode::InvalidInput, Tr::tr("A name cannot contain line breaks or control characters."),
                         QStringLiteral("control character in a label"));
    }
    return success();
}

Status validateAccountName(const QString& name)
{
    if (name.trimmed().isEmpty())
        return Error(ErrorCode::InvalidInput, Tr::tr("Enter your name."));
    return validateLabel(name, 200);
}

Status validateNewPassword(const QString& password)
{
    if (password.size() < kMinPasswordLength)
        return Error(ErrorCode::InvalidInput,
                     QCoreApplication::translate("hh::Validation", "The password needs at least %n characters.",
                                                 nullptr, kMinPasswordLength));
    return success();
}

Result<QDate> parseDateOfBirth(const QString& text, QDate today)
{
    static const QRegularExpression re(QStringLiteral(R"(^\d{4}-\d{2}-\d{2}$)"));
    const QString t = text.trimmed();
    const QDate d = QDate::fromString(t, Qt::ISODate);
    if (!re.match(t).hasMatch() || !d.isValid())
        return Error(ErrorCode::InvalidInput, Tr::tr("Enter the date of birth as YYYY-MM-DD."));
    if (d > today)
        return Error(ErrorCode::InvalidInput, Tr::tr("The date of birth cannot be in the future."));
    if (d.year() < 1880)
        return Error(ErrorCode::InvalidInput, Tr::tr("The date of birth is too far in the past."));
    return d;
}

Status validateProfile(const Profile& profile, QDate today)
{
    if (profile.displayName.trimmed().isEmpty())
        return Error(ErrorCode::InvalidInput, Tr::tr("A profile needs a display name."));
    if (Status st = validateLabel(profile.displayName, 100); !st)
        return st;
    if (Status st = validateLabel(profile.legalName, 200); !st)
        return st;
    if (profile.dateOfBirth.isValid()) {
        if (profile.dateOfBirth > today)
            return Error(ErrorCode::InvalidInput, Tr::tr("The date of birth cannot be in the future."));
        if (profile.dateOfBirth.year() < 1880)
            return Error(ErrorCode::InvalidInput, Tr::tr("The date of birth is too far in the past."));
    }
    return success();
}

} // namespace hh
