// etalase-leads: the kiosk's lead store and the organiser's files from the command line
// (docs/organiser-tool.md).
//   etalase-leads bench DB --count N   add N synthetic leads one commit at a time, with timings
//   etalase-leads check DB             integrity check and the number of leads
//   etalase-leads export DB --format csv|xlsx|vcf|jsonl [--since DATE] [--pack DIR] -o FILE
//   etalase-leads merge FILES... -o merged.xlsx|csv|jsonl [--by-producer DIR]
//   etalase-leads stats FILES...       leads per stand, product, country, buyer type and day
#include <CLI/CLI.hpp>

#include "commands.h"

int main(int argc, char** argv) {
  namespace fs = std::filesystem;
  using namespace etalase::leadtool;
  CLI::App app{"etalase-leads: the kiosk's lead store (SQLite) and the organiser's lead files", "etalase-leads"};
  app.require_subcommand(1);

  fs::path benchFile;
  std::size_t count = 1000;
  auto* benchCommand =
      app.add_subcommand("bench", "Add synthetic leads one commit at a time and time the commits");
  benchCommand->add_option("DB", benchFile, "Lead database (created if missing)")->required();
  benchCommand->add_option("--count,-n", count, "How many leads to add")
      ->check(CLI::PositiveNumber);

  fs::path checkFile;
  auto* checkCommand =
      app.add_subcommand("check", "Check a lead database's integrity and count its leads");
  checkCommand->add_option("DB", checkFile, "Lead database")->required();

  ExportCommand exporting;
  auto* exportCommand = app.add_subcommand("export", "Export a kiosk's leads to one file");
  exportCommand->add_option("DB", exporting.database, "The kiosk's lead database")->required();
  exportCommand->add_option("--format,-f", exporting.format,
                            "csv, xlsx, vcf or jsonl (default: from the file name)");
  exportCommand->add_option("--since", exporting.since,
                            "Only leads from this day (YYYY-MM-DD, UTC) or time (ISO 8601 with "
                            "its zone, e.g. 2026-12-02T09:00+07:00)");
  exportCommand->add_option("--pack", exporting.pack,
                            "The stand's content pack: its producers go into a jsonl header");
  exportCommand->add_option("--stand", exporting.standName, "The stand's name, for a jsonl header");
  exportCommand->add_option("--device", exporting.deviceId,
                            "The kiosk's device id for a jsonl header (default: the leads')");
  exportCommand->add_flag("--bom", exporting.byteOrderMark,
                          "Start a CSV file with a UTF-8 byte order mark (for Excel)");
  exportCommand->add_option("-o,--output", exporting.output, "The file to write")->required();

  MergeCommand merging;
  auto* mergeCommand = app.add_subcommand(
      "merge", "Merge many kiosks' jsonl exports: each lead once, the same person flagged");
  mergeCommand->add_option("FILES", merging.inputs, "jsonl exports (or merged files)")
      ->required();
  mergeCommand->add_option("-o,--output", merging.output, "merged.xlsx, .csv or .jsonl")
      ->required();
  mergeCommand->add_option("--by-producer", merging.byProducer,
                           "Also one file per producer in this folder, with the buyers who asked "
                           "about its products");
  mergeCommand->add_flag("--bom", merging.byteOrderMark,
                         "Start CSV files with a UTF-8 byte order mark (for Excel)");

  std::vector<fs::path> statsInputs;
  auto* statsCommand = app.add_subcommand(
      "stats", "Leads per stand, product, country, buyer type and day");
  statsCommand->add_option("FILES", statsInputs, "jsonl exports or kiosk databases")->required();

  fs::path synthFolder;
  int synthFiles = 100, synthLeads = 1000;
  unsigned synthSeed = 1;
  // Hidden (no group): for tools/export-benchmark and the tests.
  auto* synthCommand = app.add_subcommand("synth-jsonl", "Made-up jsonl exports")->group("");
  synthCommand->add_option("FOLDER", synthFolder)->required();
  synthCommand->add_option("--files", synthFiles)->check(CLI::PositiveNumber);
  synthCommand->add_option("--leads", synthLeads)->check(CLI::PositiveNumber);
  synthCommand->add_option("--seed", synthSeed);

  CLI11_PARSE(app, argc, argv);
  if (*benchCommand) return runBench(benchFile, count);
  if (*checkCommand) return runCheck(checkFile);
  if (*exportCommand) return runExport(exporting);
  if (*mergeCommand) return runMerge(merging);
  if (*statsCommand) return runStats(statsInputs);
  return runSynthJsonl(synthFolder, synthFiles, synthLeads, synthSeed);
}
