// Which installed model the local provider writes with: the user's choice if it is installed,
// else the one recommended for this machine, else the first installed catalog chat model, else
// any installed chat model (copied in by hand).

export interface ChatModelChoiceInput {
  installedChatModels: readonly string[]
  override: string
  recommended: string | undefined
  catalogChatModels: readonly string[]
}

export function chooseChatModel({ installedChatModels, override, recommended, catalogChatModels }: ChatModelChoiceInput): string | undefined {
  const installed = new Set(installedChatModels)
  if (override && installed.has(override)) return override
  if (recommended && installed.has(recommended)) return recommended
  return catalogChatModels.find((id) => installed.has(id)) ?? installedChatModels[0]
}
