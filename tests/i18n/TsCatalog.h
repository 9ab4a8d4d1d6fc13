#pragma once

// Reads a Qt Linguist .ts file (translations/healthhub_<lang>.ts) for the i18n tests.

#include <QFile>
#include <QList>
#include <QString>
#include <QStringList>
#include <QXmlStreamReader>

namespace hh::test {

struct TsMessage {
    QString context;
    QString source;
    QString comment;
    bool numerus = false;
    bool unfinished = false;
    bool vanished = false; // obsolete or vanished entries (lupdate -no-obsolete leaves none)
    QString translation;       // plain messages
    QStringList numerusForms;  // numerus messages
};

struct TsCatalog {
    QString language;
    QList<TsMessage> messages;
    QString error;

    // The translation of (context, source); null when there is none.
    [[nodiscard]] QString translation(const QString& context, const QString& source) const
    {
        for (const TsMessage& m : messages)
            if (m.context == context && m.source == source)
                return m.numerus ? m.numerusForms.value(0) : m.translation;
        return {};
    }
};

inline TsCatalog readTs(const QString& path)
{
    TsCatalog out;
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        out.error = QStringLiteral("cannot open %1").arg(path);
        return out;
    }
    QXmlStreamReader xml(&file);
    QString context;
    TsMessage current;
    bool inMessage = false;
    while (!xml.atEnd()) {
        xml.readNext();
        if (xml.isStartElement()) {
            const auto name = xml.name();
            if (name == u"TS") {
                out.language = xml.attributes().value(QStringLiteral("language")).toString();
            } else if (name == u"context") {
                context.clear();
            } else if (name == u"name" && !inMessage) {
                context = xml.readElementText();
            } else if (name == u"message") {
                inMessage = true;
                current = TsMessage();
                current.context = context;
                current.numerus = xml.attributes().value(QStringLiteral("numerus")) == u"yes";
            } else if (inMessage && name == u"source") {
                current.source = xml.readElementText();
            } else if (inMessage && name == u"comment") {
                current.comment = xml.readElementText();
            } else if (inMessage && name == u"translation") {
                const QString type = xml.attributes().value(QStringLiteral("type")).toString();
                current.unfinished = type == u"unfinished";
                current.vanished = type == u"obsolete" || type == u"vanished";
                if (!current.numerus)
                    current.translation = xml.readElementText();
            } else if (inMessage && name == u"numerusform") {
                current.numerusForms.append(xml.readElementText());
            }
        } else if (xml.isEndElement() && xml.name() == u"message") {
            out.messages.append(current);
            inMessage = false;
        }
    }
    if (xml.hasError())
        out.error = QStringLiteral("%1:%2: %3").arg(path).arg(xml.lineNumber()).arg(xml.errorString());
    return out;
}

} // namespace hh::test
