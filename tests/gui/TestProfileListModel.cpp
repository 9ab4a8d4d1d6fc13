#include "core/Domain.h"
#include "ui/ProfileListModel.h"
#include "ui/Theme.h"

#include <QAbstractItemModelTester>
#include <QColor>
#include <QSignalSpy>
#include <QTest>

using namespace hh;
using namespace hh::ui;
using namespace Qt::StringLiterals;

namespace {
Profile makeProfile(const QString& id, const QString& name, Relationship r = Relationship::Other, QDate dob = {})
{
    Profile p;
    p.id = id;
    p.userId = u"u1"_s;
    p.displayName = name;
    p.relationship = r;
    p.dateOfBirth = dob;
    return p;
}

QStringList names(const ProfileListModel& model)
{
    QStringList out;
    for (int row = 0; row < model.rowCount(); ++row)
        out << model.index(row, 0).data().toString();
    return out;
}
} // namespace

class TestProfileListModel : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void modelTesterThroughChanges()
    {
        ProfileListModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);

        model.setProfiles({makeProfile(u"c"_s, u"Zoe"_s), makeProfile(u"a"_s, u"Anna"_s),
                           makeProfile(u"b"_s, u"Mom"_s, Relationship::Mother)});
        QCOMPARE(names(model), (QStringList{u"Anna"_s, u"Mom"_s, u"Zoe"_s}));

        // Insert keeps the order.
        const QModelIndex added = model.upsertProfile(makeProfile(u"d"_s, u"Dad"_s, Relationship::Father));
        QCOMPARE(added.row(), 1);
        QCOMPARE(names(model), (QStringList{u"Anna"_s, u"Dad"_s, u"Mom"_s, u"Zoe"_s}));

        // A rename moves the row down, then up, and the same profile keeps its id.
        QSignalSpy moved(&model, &QAbstractItemModel::rowsMoved);
        QModelIndex idx = model.upsertProfile(makeProfile(u"a"_s, u"Yara"_s));
        QCOMPARE(idx.row(), 2);
        QCOMPARE(names(model), (QStringList{u"Dad"_s, u"Mom"_s, u"Yara"_s, u"Zoe"_s}));
        idx = model.upsertProfile(makeProfile(u"c"_s, u"Bea"_s));
        QCOMPARE(idx.row(), 0);
        QCOMPARE(names(model), (QStringList{u"Bea"_s, u"Dad"_s, u"Mom"_s, u"Yara"_s}));
        QCOMPARE(moved.count(), 2);
        QCOMPARE(idx.data(ProfileListModel::ProfileIdRole).toString(), u"c"_s);

        // An edit that keeps the position changes data in place.
        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        idx = model.upsertProfile(makeProfile(u"b"_s, u"Mom"_s, Relationship::Grandparent));
        QCOMPARE(idx.row(), 2);
        QCOMPARE(changed.count(), 1);
        QCOMPARE(idx.data(ProfileListModel::RelationshipLabelRole).toString(),
                 relationshipLabel(Relationship::Grandparent));

        QVERIFY(model.removeProfile(u"d"_s));
        QVERIFY(!model.removeProfile(u"nope"_s));
        QCOMPARE(names(model), (QStringList{u"Bea"_s, u"Mom"_s, u"Yara"_s}));
        QCOMPARE(model.rowOf(u"a"_s), 2);
        QCOMPARE(model.rowOf(u"d"_s), -1);

        model.clear();
        QCOMPARE(model.rowCount(), 0);
        QVERIFY(!model.profileAt(0));
    }

    void roles()
    {
        ProfileListModel model;
        model.setReferenceDate(QDate(2024, 6, 15));
        model.setProfiles({makeProfile(u"p1"_s, u"Mary Jane Doe"_s, Relationship::Mother, QDate(1950, 6, 16))});
        const QModelIndex idx = model.index(0, 0);
        QCOMPARE(idx.data(Qt::DisplayRole).toString(), u"Mary Jane Doe"_s);
        QCOMPARE(idx.data(ProfileListModel::InitialsRole).toString(), u"MD"_s);
        QCOMPARE(idx.data(ProfileListModel::RelationshipKeyRole).toString(), u"mother"_s);
        QCOMPARE(idx.data(ProfileListModel::RelationshipRole).toInt(), static_cast<int>(Relationship::Mother));
        QCOMPARE(idx.data(ProfileListModel::AgeRole).toInt(), 73); // birthday is tomorrow
        QCOMPARE(idx.data(ProfileListModel::AgeTextRole).toString(), u"73 years"_s);
        QCOMPARE(idx.data(ProfileListModel::DateOfBirthRole).toDate(), QDate(1950, 6, 16));
        const auto profile = idx.data(ProfileListModel::ProfileRole).value<Profile>();
        QCOMPARE(profile.id, u"p1"_s);
        QVERIFY(idx.data(Qt::AccessibleTextRole).toString().contains(u"Mary Jane Doe"_s));
        QVERIFY(idx.data(ProfileListModel::AvatarColorRole).value<QColor>().isValid());
        QVERIFY(model.containsRelationship(Relationship::Mother));
        QVERIFY(!model.containsRelationship(Relationship::Self));
        QVERIFY(model.roleNames().contains(ProfileListModel::InitialsRole));
    }

    void unknownAgeHasNoAgeValue()
    {
        ProfileListModel model;
        model.setProfiles({makeProfile(u"p1"_s, u"Grandpa"_s)});
        const QModelIndex idx = model.index(0, 0);
        QVERIFY(!idx.data(ProfileListModel::AgeRole).isValid());
        QCOMPARE(idx.data(ProfileListModel::AgeTextRole).toString(), u"Age unknown"_s);
    }

    void avatarColorFollowsIdNotName()
    {
        ProfileListModel model;
        model.setProfiles({makeProfile(u"same-id"_s, u"Before"_s)});
        const QColor before = model.index(0, 0).data(ProfileListModel::AvatarColorRole).value<QColor>();
        model.upsertProfile(makeProfile(u"same-id"_s, u"After rename"_s));
        QCOMPARE(model.index(0, 0).data(ProfileListModel::AvatarColorRole).value<QColor>(), before);
        QCOMPARE(avatarColor(u"same-id"_s), before);
    }

    void ageInYears_data()
    {
        QTest::addColumn<QDate>("dob");
        QTest::addColumn<QDate>("today");
        QTest::addColumn<int>("years"); // -1: no age
        QTest::newRow("day before birthday") << QDate(1980, 6, 15) << QDate(2024, 6, 14) << 43;
        QTest::newRow("on birthday") << QDate(1980, 6, 15) << QDate(2024, 6, 15) << 44;
        QTest::newRow("earlier month") << QDate(1980, 7, 1) << QDate(2024, 6, 30) << 43;
        QTest::newRow("leap day, non-leap year Feb 28") << QDate(2000, 2, 29) << QDate(2023, 2, 28) << 22;
        QTest::newRow("leap day, Mar 1") << QDate(2000, 2, 29) << QDate(2023, 3, 1) << 23;
        QTest::newRow("born today") << QDate(2024, 6, 15) << QDate(2024, 6, 15) << 0;
        QTest::newRow("future") << QDate(2024, 6, 16) << QDate(2024, 6, 15) << -1;
        QTest::newRow("unknown") << QDate() << QDate(2024, 6, 15) << -1;
    }
    void ageInYears()
    {
        QFETCH(QDate, dob);
        QFETCH(QDate, today);
        QFETCH(int, years);
        const auto age = ProfileListModel::ageInYears(dob, today);
        QCOMPARE(age.value_or(-1), years);
    }

    void ageText_data()
    {
        QTest::addColumn<QDate>("dob");
        QTest::addColumn<QString>("text");
        const QDate today(2024, 6, 15);
        Q_UNUSED(today)
        QTest::newRow("adult") << QDate(1990, 1, 1) << u"34 years"_s;
        QTest::newRow("two years") << QDate(2022, 6, 15) << u"2 years"_s;
        QTest::newRow("toddler in months") << QDate(2022, 6, 16) << u"23 months"_s;
        QTest::newRow("one month") << QDate(2024, 5, 15) << u"1 month"_s;
        QTest::newRow("newborn") << QDate(2024, 6, 1) << u"Under a month"_s;
        QTest::newRow("unknown") << QDate() << u"Age unknown"_s;
    }
    void ageText()
    {
        QFETCH(QDate, dob);
        QFETCH(QString, text);
        QCOMPARE(ProfileListModel::ageText(dob, QDate(2024, 6, 15)), text);
    }

    void initials_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<QString>("initials");
        QTest::newRow("two words") << u"ana lopez"_s << u"AL"_s;
        QTest::newRow("three words") << u"Mary Jane Doe"_s << u"MD"_s;
        QTest::newRow("one word") << u"Mom"_s << u"M"_s;
        QTest::newRow("extra spaces") << u"  grandpa   joe "_s << u"GJ"_s;
        QTest::newRow("accented") << u"Élodie Ñúñez"_s << u"ÉÑ"_s;
        QTest::newRow("empty") << QString() << u"?"_s;
    }
    void initials()
    {
        QFETCH(QString, name);
        QFETCH(QString, initials);
        QCOMPARE(initialsOf(name), initials);
    }
};

QTEST_MAIN(TestProfileListModel)
#include "TestProfileListModel.moc"
