// The commands of etalase-leads, one file each; main.cpp parses the command line.
#pragma once

#include <cstddef>
#include <filesystem>
#include <string>
#include <vector>

#include "media/error.h"

namespace etalase::leadtool {

// Prints "etalase-leads: <error>" on stderr; returns the exit status 1.
int fail(const Error& error);

int runBench(const std::filesystem::path& file, std::size_t count);
int runCheck(const std::filesystem::path& file);

struct ExportCommand {
  std::filesystem::path database;
  std::string format;
  std::string since;  // empty: every lead
  std::filesystem::path pack;  // empty: no producers in the header
  std::string standName;
  std::string deviceId;  // empty: the leads' own
  bool byteOrderMark = false;
  std::filesystem::path output;
};
int runExport(const ExportCommand& command);

struct MergeCommand {
  std::vector<std::filesystem::path> inputs;
  std::filesystem::path output;
  std::filesystem::path byProducer;  // empty: no producer files
  bool byteOrderMark = false;
};
int runMerge(const MergeCommand& command);

int runStats(const std::vector<std::filesystem::path>& inputs);

// Hidden, for tools/export-benchmark and tests: `files` JSON Lines exports of `leads` made-up
// leads each, some people at several stands and some leads in two files.
int runSynthJsonl(const std::filesystem::path& folder, int files, int leads, unsigned seed);

}  // namespace etalase::leadtool
