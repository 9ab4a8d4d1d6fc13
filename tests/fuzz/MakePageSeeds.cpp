// Writes the seed corpus of fuzz_fhir_page (see PageSeeds.h): pages the project's demo health systems
// answer to the queries the sync plans. Usage: fuzz_page_seeds <output dir>
#include "fuzz/PageSeeds.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>

#include <cstdio>

using namespace Qt::StringLiterals;

int main(int argc, char** argv)
{
    QCoreApplication app(argc, argv);
    if (argc != 2) {
        std::fprintf(stderr, "usage: fuzz_page_seeds <output dir>\n");
        return 2;
    }
    const QDir dir(QString::fromLocal8Bit(argv[1]));
    if (!dir.mkpath(u"."_s)) {
        std::fprintf(stderr, "cannot create output directory\n");
        return 1;
    }
    const QList<hh::sync::fuzz::Seed> seeds = hh::sync::fuzz::makePageSeeds();
    for (const auto& seed : seeds) {
        QFile f(dir.filePath(seed.name));
        if (!f.open(QIODevice::WriteOnly | QIODevice::Truncate) || f.write(seed.input) != seed.input.size()) {
            std::fprintf(stderr, "cannot write a seed\n");
            return 1;
        }
    }
    std::printf("%d seeds written\n", int(seeds.size()));
    return seeds.isEmpty() ? 1 : 0;
}
