#pragma once

#include "ui/MessageBoxes.h"

#include <QCoreApplication>
#include <QLineEdit>
#include <QList>
#include <QSettings>
#include <QTemporaryDir>
#include <QTest>

namespace hh::test {

// QSettings of GUI tests go to a private temporary directory, never the developer's own config.
class TemporarySettings
{
public:
    TemporarySettings()
    {
        QCoreApplication::setOrganizationName(QStringLiteral("HealthHubTests"));
        QCoreApplication::setApplicationName(QStringLiteral("gui-tests"));
        QSettings::setDefaultFormat(QSettings::IniFormat);
        QSettings::setPath(QSettings::IniFormat, QSettings::UserScope, m_dir.path());
    }
    [[nodiscard]] bool isValid() const { return m_dir.isValid(); }
    static void clear() { QSettings().clear(); }

private:
    QTemporaryDir m_dir;
};

// Answers message boxes through hh::ui::MessageBoxes' test handler and remembers what was asked.
class MessageRecorder
{
public:
    MessageRecorder()
    {
        ui::MessageBoxes::setHandler([this](const ui::MessageBoxes::Request& request) {
            requests.append(request);
            return answer;
        });
    }
    ~MessageRecorder() { ui::MessageBoxes::setHandler({}); }
    MessageRecorder(const MessageRecorder&) = delete;
    MessageRecorder& operator=(const MessageRecorder&) = delete;

    [[nodiscard]] int count(ui::MessageBoxes::Kind kind) const
    {
        int n = 0;
        for (const auto& r : requests)
            n += r.kind == kind ? 1 : 0;
        return n;
    }

    bool answer = false; // what confirmations answer
    QList<ui::MessageBoxes::Request> requests;
};

// Types like a user would (textEdited fires), replacing what was there. Characters outside ASCII
// (QTest::keyClicks only maps ASCII to keys) go in as key events carrying their text.
inline void typeInto(QLineEdit* edit, const QString& text)
{
    edit->setFocus();
    edit->selectAll();
    QTest::keyClick(edit, Qt::Key_Backspace);
    for (const QChar c : text) {
        if (c.unicode() < 0x80)
            QTest::keyClick(edit, static_cast<char>(c.unicode()));
        else
            QTest::sendKeyEvent(QTest::Click, edit, Qt::Key_unknown, QString(c), Qt::NoModifier);
    }
}

} // namespace hh::test
