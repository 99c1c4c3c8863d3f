#pragma once
// `leopard-bench fidelity`: how far bf16, int8 and int4 weights move the model from its own fp32 on a
// real-width checkpoint (leopard-bench make-model), where tests/model's reference outputs do not
// exist. fp32 is the reference because it is the parity path (tests/model: the authors' pipeline to
// 6e-7 on the tiny checkpoint; check_real_widths.sh at the real widths).
//
// Per text prompt (the bench's deterministic ids, different offsets), teacher-forced over fp32's own
// greedy continuation: the next-token KL(p_fp32 || p) at every step, whether the greedy pick equals
// fp32's, and the free-running greedy prefix. A table on stdout, or JSON with --json.
//   leopard-bench fidelity --model DIR [--formats bf16,int8,int4,int8-fp32,int4-fp32] [--prompts 4]
//                          [--prompt-tokens 64] [--steps 16] [--threads N] [--json]
#include <QStringList>

#include <cstdio>

namespace leopard::bench {

void fidelityUsage(FILE *out);
int fidelityCommand(const QStringList &args);

} // namespace leopard::bench
