import type { Command } from 'commander'
import { stringify } from 'yaml'
import { AdminTokenSchema } from '../../kiosk-config/schema/services.js'
import { createAdminToken } from '../admin/admin-token.js'
import type { Output } from './cli-context.js'
import { CliExit, EXIT } from './exit-codes.js'

interface TokenCreateOptions {
  role: string
  name: string
  expires?: string
  json?: boolean
}

export function registerTokenCommand(program: Command, output: Output): void {
  const token = program.command('token').description('tokens for the admin API')
  token
    .command('create')
    .description(
      'create an admin API token: prints it once, and the entry (only its hash) to add under admin.tokens',
    )
    .requiredOption('--role <role>', 'press (notices, previews, status, play log) or it (everything)')
    .requiredOption('--name <name>', 'who holds it, e.g. "Pressestelle"; recorded in the audit log')
    .option('--expires <iso-time>', 'when it stops working, e.g. 2027-12-31T23:59:59+01:00')
    .option('--json', 'print {"token", "entry"} as JSON, for provisioning scripts')
    .action((options: TokenCreateOptions) => {
      const { role, name, expires } = options
      if (role !== 'press' && role !== 'it')
        throw new CliExit(EXIT.usage, `--role: "${role}" is not press or it`)
      const created = createAdminToken({ name, role, ...(expires !== undefined ? { expires } : {}) })
      const checked = AdminTokenSchema.safeParse(created.entry)
      if (!checked.success) {
        const problems = checked.error.issues.map((issue) => `  --${String(issue.path[0])}: ${issue.message}`)
        throw new CliExit(EXIT.usage, ['token create: invalid options', ...problems].join('\n'))
      }
      if (expires !== undefined && Date.parse(expires) <= Date.now()) {
        throw new CliExit(EXIT.usage, `--expires: ${expires} is in the past`)
      }
      if (options.json) {
        output.out(JSON.stringify(created))
        return
      }
      output.out(`Token for "${name}" (role ${role}). It is shown only now; store it in a password manager:`)
      output.out('')
      output.out(`  ${created.token}`)
      output.out('')
      output.out('Add this entry under admin.tokens in the kiosk config (the config keeps only the hash):')
      output.out('')
      output.out(stringify({ admin: { tokens: [created.entry] } }).trimEnd())
    })
}
