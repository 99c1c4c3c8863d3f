// The official `openai` npm package (installed outside the repo by scripts/fetch-openai-client.sh,
// found through NODE_PATH) talking to `leopard-cli serve`: lists the models, asks about an image
// (data: URL PNG) without and with streaming, and prints what it got as one JSON line.
//   node openai_client.cjs BASE_URL API_KEY MODEL IMAGE.png QUESTION MAX_TOKENS
const fs = require('fs');
const OpenAI = require('openai');

async function main() {
  const [baseURL, apiKey, model, imagePath, question, maxTokens] = process.argv.slice(2);
  // maxRetries 0: a refusal must show as one, not be retried behind the test's back.
  const client = new OpenAI({ baseURL, apiKey, maxRetries: 0, timeout: 300000 });
  const out = { models: [] };

  for await (const m of client.models.list()) out.models.push(m.id);

  const image = 'data:image/png;base64,' + fs.readFileSync(imagePath).toString('base64');
  const messages = [{
    role: 'user',
    content: [
      { type: 'image_url', image_url: { url: image } },
      { type: 'text', text: question },
    ],
  }];
  const ask = { model, messages, max_tokens: Number(maxTokens), temperature: 0 };

  const plain = await client.chat.completions.create(ask);
  out.plain = { text: plain.choices[0].message.content, finish: plain.choices[0].finish_reason, usage: plain.usage,
                object: plain.object, role: plain.choices[0].message.role };

  const stream = await client.chat.completions.create({ ...ask, stream: true, stream_options: { include_usage: true } });
  let text = '', finish = null, usage = null, chunks = 0, roles = [];
  for await (const chunk of stream) {
    chunks++;
    for (const c of chunk.choices) {
      if (c.delta.role) roles.push(c.delta.role);
      text += c.delta.content || '';
      if (c.finish_reason) finish = c.finish_reason;
    }
    if (chunk.usage) usage = chunk.usage;
  }
  out.stream = { text, finish, usage, chunks, roles };

  // A wrong key: the package's own error class for 401.
  const wrong = new OpenAI({ baseURL, apiKey: 'not-' + apiKey, maxRetries: 0 });
  try {
    await wrong.chat.completions.create(ask);
    out.wrongKey = 'accepted';
  } catch (e) {
    out.wrongKey = { status: e.status, name: e.constructor.name, code: e.code || null };
  }
  console.log(JSON.stringify(out));
}

main().catch((e) => {
  console.error('openai client failed:', e && e.stack ? e.stack : e);
  process.exit(1);
});
