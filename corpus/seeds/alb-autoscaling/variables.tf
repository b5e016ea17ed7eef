variable "aws_region" {
  description = "AWS region to deploy into"
  type        = string
  default     = "us-east-1"
}

variable "environment_suffix" {
  description = "Suffix appended to every resource name so that deployments do not collide"
  type        = string

  validation {
    condition     = length(var.environment_suffix) <= 12 && can(regex("^[a-z0-9-]+$", var.environment_suffix))
    error_message = "environment_suffix must be at most 12 lowercase letters, digits or hyphens."
  }
}

variable "vpc_cidr" {
  description = "CIDR block of the VPC"
  type        = string
  default     = "10.0.0.0/16"
}

variable "public_subnet_cidrs" {
  description = "CIDR blocks of the public subnets, one per availability zone"
  type        = list(string)
  default     = ["10.0.1.0/24", "10.0.2.0/24"]
}

variable "instance_type" {
  description = "EC2 instance type of the web servers"
  type        = string
  default     = "t3.micro"
}

variable "asg_min_size" {
  description = "Fewest instances in the Auto Scaling group"
  type        = number
  default     = 2
}

variable "asg_max_size" {
  description = "Most instances in the Auto Scaling group"
  type        = number
  default     = 6
}

variable "asg_desired_capacity" {
  description = "Instances to start with"
  type        = number
  default     = 2
}

variable "cpu_target_value" {
  description = "Average CPU utilization (percent) the target tracking policy keeps"
  type        = number
  default     = 70
}

variable "certificate_arn" {
  description = "ACM certificate for the HTTPS listener"
  type        = string
}

variable "health_check_path" {
  description = "Path the load balancer probes on the instances"
  type        = string
  default     = "/health"
}
