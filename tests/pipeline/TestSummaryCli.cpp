// (e) `healthhub summary` end to end: a real process on a vault whose profile went through the pipeline.

#include "core/Domain.h"
#include "core/SecretBytes.h"
#include "core/demo/SyntheticFamily.h"
#include "core/vault/Keychain.h"
#include "db/ClinicalPipeline.h"
#include "db/ConnectionFactory.h"
#include "db/VaultService.h"
#include "pipeline/PipelineTestSupport.h"
#include "support/CliProcess.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using namespace hh;
using hh::test::CliRun;

namespace {
const QString kEmail = QStringLiteral("carer@example.org");
} // namespace

class TestSummaryCli : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    QString m_binary;
    QString m_mother;
    QString m_child;

    QString dataDir() const { return m_dir.filePath(QStringLiteral("vault")); }
    QString passwordFile() const { return m_dir.filePath(QStringLiteral("password")); }

    CliRun run(const QStringList& args)
    {
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("HH_NO_KEYCHAIN"), QStringLiteral("1"));
        env.insert(QStringLiteral("LANGUAGE"), QStringLiteral("en"));
        const QStringList global{QStringLiteral("--data-dir"),      dataDir(),
                                 QStringLiteral("--email"),         kEmail,
                                 QStringLiteral("--password-file"), passwordFile()};
        return hh::test::runProcess(m_binary, global + args, env, {}, 60000);
    }


private Q_SLOTS:
    void initTestCase()
    {
        m_binary = hh::test::healthhubBinary();
        QVERIFY2(QFile::exists(m_binary), "healthhub must be built before this test");
        QFile pw(passwordFile());
        QVERIFY(pw.open(QIODevice::WriteOnly));
        pw.write("summary-test-password\n");
        pw.close();

        // A vault with an account, a mother whose demo-epic records went through the pipeline, and a child
        // without records.
        db::VaultService vault(dataDir(), std::make_unique<NoKeychain>());
        auto user = vault.createAccount(kEmail, QStringLiteral("Carer"), SecretBytes(QByteArray("summary-test-password")))
                        .result();
        QVERIFY2(user.ok(), user.ok() ? "" : qPrintable(user.error().detail()));
        Profile mother;
        mother.displayName = QStringLiteral("Mom");
        mother.relationship = Relationship::Mother;
        auto m = vault.addProfile(mother).result();
        QVERIFY(m.ok());
        m_mother = m->id;
        Profile child;
        child.displayName = QStringLiteral("Kid");
        child.relationship = Relationship::Child;
        auto c = vault.addProfile(child).result();
        QVERIFY(c.ok());
        m_child = c->id;

        auto factory = vault.connections();
        QVERIFY(factory);
        {
            auto db = factory->connection(QStringLiteral("test"));
            QVERIFY(db.ok());
            const QString now = nowUtcIso();
            QSqlQuery q(*db);
            QVERIFY(q.exec(QStringLiteral("INSERT OR IGNORE INTO emr_endpoints (id, vendor, name, fhir_base_url, created_at, updated_at) "
                                          "VALUES ('demo-epic', 'epic', 'Demo Epic', 'http://127.0.0.1:9/epic', '%1', '%1')")
                               .arg(now)));
            QVERIFY(q.prepare(QStringLiteral("INSERT INTO profile_emr_connections (id, profile_id, endpoint_id, provider, status, "
                                             "created_at, updated_at) VALUES ('conn-1', ?, 'demo-epic', 'epic', 'connected', ?, ?)")));
            q.addBindValue(m_mother);
            q.addBindValue(now);
            q.addBindValue(now);
            QVERIFY(q.exec());
        }
        demo::SyntheticFamily family(1);
        auto stored = pipelinetest::storeDemoPatient(factory, QStringLiteral("conn-1"), family, demo::Vendor::Epic,
                                                     QStringLiteral("mother"));
        QVERIFY2(stored.ok(), stored.ok() ? "" : qPrintable(stored.error().detail()));
        db::ClinicalPipeline pipeline(factory);
        QVERIFY(pipeline.runForProfile(m_mother).ok());
        pipeline.releaseThread();
        factory.reset();
        vault.lock();
    }

    void json()
    {
        const CliRun r = run({QStringLiteral("summary"), QStringLiteral("--profile"), QStringLiteral("Mom"),
                              QStringLiteral("--json")});
        QVERIFY2(r.code == 0, r.err.constData());
        QJsonParseError pe;
        const QJsonDocument doc = QJsonDocument::fromJson(r.out, &pe);
        QCOMPARE(pe.error, QJsonParseError::NoError);
        const QJsonObject o = doc.object();
        const QStringList keys = o.keys();
        QCOMPARE(QSet<QString>(keys.cbegin(), keys.cend()),
                 (QSet<QString>{QStringLiteral("profile_id"), QStringLiteral("status"), QStringLiteral("updated_at"),
                                QStringLiteral("summary")}));
        QCOMPARE(o.value(QStringLiteral("profile_id")).toString(), m_mother);
        QCOMPARE(o.value(QStringLiteral("status")).toString(), QStringLiteral("ready"));
        QVERIFY(o.value(QStringLiteral("updated_at")).toString().endsWith(u'Z'));
        const QJsonObject summary = o.value(QStringLiteral("summary")).toObject();
        for (const char* key : {"conditions", "medications", "allergies", "immunizations", "labs", "vitals", "encounters",
                                "alerts"}) {
            QVERIFY2(summary.value(QLatin1String(key)).isArray(), key);
            for (const QJsonValue& v : summary.value(QLatin1String(key)).toArray()) {
                const QJsonObject item = v.toObject();
                QVERIFY2(item.contains(QStringLiteral("display")), key);
                QVERIFY2(item.value(QStringLiteral("code")).isObject(), key);
                QVERIFY2(item.value(QStringLiteral("sources")).isArray(), key);
            }
        }
        QVERIFY(!summary.value(QStringLiteral("conditions")).toArray().isEmpty());
        const QJsonObject first = summary.value(QStringLiteral("conditions")).toArray().first().toObject();
        QVERIFY(first.value(QStringLiteral("code")).toObject().contains(QStringLiteral("system")));
        QCOMPARE(first.value(QStringLiteral("sources")).toArray().first().toObject().value(QStringLiteral("endpoint")).toString(),
                 QStringLiteral("demo-epic"));
        // By id too.
        const CliRun byId =
            run({QStringLiteral("summary"), QStringLiteral("--profile"), m_mother, QStringLiteral("--json")});
        QCOMPARE(byId.code, 0);
        QCOMPARE(QJsonDocument::fromJson(byId.out).object().value(QStringLiteral("profile_id")).toString(), m_mother);
    }

    void jsonAbsent()
    {
        const CliRun r = run({QStringLiteral("summary"), QStringLiteral("--profile"), QStringLiteral("Kid"),
                              QStringLiteral("--json")});
        QVERIFY2(r.code == 0, r.err.constData());
        const QJsonObject o = QJsonDocument::fromJson(r.out).object();
        QCOMPARE(o.value(QStringLiteral("profile_id")).toString(), m_child);
        QCOMPARE(o.value(QStringLiteral("status")).toString(), QStringLiteral("absent"));
        QVERIFY(o.contains(QStringLiteral("summary")));
        QVERIFY(o.value(QStringLiteral("summary")).isNull());
    }

    void text()
    {
        const CliRun r = run({QStringLiteral("summary"), QStringLiteral("--profile"), QStringLiteral("Mom")});
        QVERIFY2(r.code == 0, r.err.constData());
        const QString out = QString::fromUtf8(r.out);
        QVERIFY(out.contains(QStringLiteral("Mom")));
        QVERIFY(out.contains(QStringLiteral("Conditions (")));
        QVERIFY(out.contains(QStringLiteral("Medications (")));
        // Every condition of the summary is listed.
        const CliRun j = run({QStringLiteral("summary"), QStringLiteral("--profile"), QStringLiteral("Mom"),
                              QStringLiteral("--json")});
        // Items name their health systems as the sources section does (not by endpoint id).
        const QJsonArray sourceList =
            QJsonDocument::fromJson(j.out).object().value(QStringLiteral("summary")).toObject().value(QStringLiteral("sources")).toArray();
        QVERIFY(!sourceList.isEmpty());
        for (const QJsonValue& v : sourceList) {
            const QString name = v.toObject().value(QStringLiteral("name")).toString();
            QVERIFY2(out.contains(QStringLiteral("– from ") + name), qPrintable(name));
        }
        const QJsonArray conditions =
            QJsonDocument::fromJson(j.out).object().value(QStringLiteral("summary")).toObject().value(QStringLiteral("conditions")).toArray();
        QVERIFY(out.contains(QStringLiteral("Conditions (%1)").arg(conditions.size())));
        for (const QJsonValue& c : conditions)
            QVERIFY(out.contains(c.toObject().value(QStringLiteral("display")).toString()));
        // Units read as in the app (the JSON keeps UCUM): the demo mother's temperature is in Cel.
        QVERIFY(j.out.contains("\"Cel\""));
        QVERIFY2(out.contains(QStringLiteral(" °C ")), qPrintable(out));
        QVERIFY(!out.contains(QStringLiteral(" Cel ")));
    }

    void unknownProfile()
    {
        const CliRun r = run({QStringLiteral("summary"), QStringLiteral("--profile"), QStringLiteral("Nobody")});
        QCOMPARE(r.code, 1);
        QVERIFY2(r.isOneErrorLine(), r.err.constData());
        QVERIFY(r.out.isEmpty());
    }

    void badUsage_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::newRow("no profile") << QStringList{QStringLiteral("summary")};
        QTest::newRow("empty profile") << QStringList{QStringLiteral("summary"), QStringLiteral("--profile"), QString()};
        QTest::newRow("unknown option") << QStringList{QStringLiteral("summary"), QStringLiteral("--profile"),
                                                       QStringLiteral("Mom"), QStringLiteral("--xml")};
        QTest::newRow("stray argument") << QStringList{QStringLiteral("summary"), QStringLiteral("Mom")};
    }

    void badUsage()
    {
        QFETCH(QStringList, args);
        const CliRun r = run(args);
        QCOMPARE(r.code, 2);
        QVERIFY(r.err.startsWith("healthhub: "));
        QVERIFY(r.out.isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestSummaryCli)
#include "TestSummaryCli.moc"
