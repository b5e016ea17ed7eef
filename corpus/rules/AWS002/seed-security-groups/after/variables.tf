variable "environment_suffix" {
  description = "Suffix appended to every resource name"
  type        = string
}

variable "vpc_cidr" {
  type    = string
  default = "10.0.0.0/16"
}
