#pragma once
// The model's thread, seen from the GUI: owns the QThread and the InferenceWorker on it, loads the
// checkpoint chosen by resolveModelLocation() with the device/dtype from Settings (defaults from
// probeDevices()), and forwards the worker's signals. Destroying it cancels whatever runs (load,
// encode or generation: the atomic flag, acted on within one token) and joins the thread.

#include "inference/inference_worker.h"
#include "ui/model/model_location.h"

#include <QObject>
#include <QThread>

namespace leopard::ui {

class ModelHost : public QObject
{
    Q_OBJECT
public:
    enum class State { NoModel, Loading, Ready, Busy, Failed };
    Q_ENUM(State)

    explicit ModelHost(QObject *parent = nullptr);
    ~ModelHost() override;

    // Resolves the directory (command line > environment > Settings > demo) and starts loading it.
    void load(const QString &commandLineDirectory);
    void loadLocation(const ModelLocation &location);
    void ask(const AskRequest &request);
    void cancel(); // direct (not queued): the worker sees it at its next check

    State state() const { return m_state; }
    const ModelLocation &location() const { return m_location; }
    const ModelInfo &info() const { return m_info; }
    QString lastError() const { return m_lastError; }
    InferenceWorker *worker() const { return m_worker; }
    QString device() const { return m_device; }
    QString dtype() const { return m_dtype; }

signals:
    void stateChanged(leopard::ui::ModelHost::State state);
    void loadProgress(const QString &stage, qint64 done, qint64 total);
    void planReady(int pages, int modelImages, qint64 promptTokens);
    void replayProgress(int done, int total); // rebuilding a saved conversation's model state
    void modelReady(const leopard::ModelInfo &info); // a load finished (state Ready follows)
    void token(const QString &text);
    void finished(const leopard::AskStats &stats);
    void failed(const QString &message);

private:
    void setState(State s);

    QThread m_thread;
    InferenceWorker *m_worker;
    State m_state = State::NoModel;
    ModelLocation m_location;
    ModelInfo m_info;
    QString m_lastError;
    QString m_device;
    QString m_dtype;
};

} // namespace leopard::ui
