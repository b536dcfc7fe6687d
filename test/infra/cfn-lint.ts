// cfn-lint (Python, on the machine image; .ci/run checks it is there) over synthesized templates:
// CloudFormation's own resource schemas catch what cdk-nag and synth assertions do not.
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';

/** Findings that are CDK's deliberate output, not defects: each rule id with why it is accepted. */
export const acceptedCfnLintFindings: Record<string, string> = {
  W3005:
    "CDK makes each function DependsOn its role's default policy, so the policy exists before the function first runs; the GetAtt to the role alone would not order the policy.",
};

export interface CfnLintFinding {
  Level: string;
  Message: string;
  Filename: string;
  Rule: { Id: string };
  Location: { Path: (string | number)[] };
}

/** Every finding cfn-lint reports on the files, as `<rule> <level> <file> <path>: <message>`. */
export const cfnLint = async (files: string[]): Promise<CfnLintFinding[]> => {
  const output = await promisify(execFile)('cfn-lint', ['--format', 'json', '--', ...files], {
    maxBuffer: 64 * 1024 * 1024,
  }).then(
    ({ stdout }) => stdout,
    (error: NodeJS.ErrnoException & { stdout?: string }) => {
      if (error.code === 'ENOENT')
        throw new Error('cfn-lint is not installed: `pip install cfn-lint` (the CI image has it)');
      // Exit codes 2, 4 and 8 are errors, warnings and informational findings, listed on stdout.
      if (!error.stdout) throw error;
      return error.stdout;
    },
  );
  return JSON.parse(output || '[]');
};

/** What the tests fail on: every finding whose rule is not accepted above. */
export const unacceptedFindings = (findings: CfnLintFinding[]) =>
  findings
    .filter((finding) => !Object.hasOwn(acceptedCfnLintFindings, finding.Rule.Id))
    .map((f) => `${f.Rule.Id} ${f.Level} ${f.Filename} ${f.Location.Path.join('/')}: ${f.Message}`);
