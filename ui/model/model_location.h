#pragma once
// Which checkpoint the app loads: `--model DIR`, else $LEOPARD_MODEL_DIR, else the directory set in
// Settings, else the demo model built with the app (make-tiny: random weights, real tokenizer).

#include <QString>

namespace leopard::ui {

struct ModelLocation {
    enum class Source { CommandLine, Environment, Settings, Demo, None };
    QString directory;
    Source source = Source::None;
    bool isDemo() const { return source == Source::Demo; }
};

// share/leopard-desk next to the installed program (may not exist: running from the build tree).
QString installedDataDirectory();

// The sample documents: share/leopard-desk/samples when installed, else the source tree's
// resources/samples; empty when neither exists.
QString sampleDocumentsDirectory();

// The demo model's directory: the installed one (share/leopard-desk/demo-model), else the build
// tree's; empty when there is neither.
QString demoModelDirectory();

ModelLocation resolveModelLocation(const QString &commandLineDirectory);

// "from --model", "from LEOPARD_MODEL_DIR", ... for the status line.
QString describeSource(ModelLocation::Source source);

} // namespace leopard::ui
